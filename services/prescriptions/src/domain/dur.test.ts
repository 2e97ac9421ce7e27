import { test } from 'node:test'
import assert from 'node:assert/strict'
import { reviewDrugUse, type ActiveMedicine, type DurInput, type PatientAllergy } from './dur.ts'
import { meaningOf } from './allergens.ts'

const warfarin = { drug_id: 'w', ingredients: ['warfarin'], atc_codes: ['B01AA03'] }
const ibuprofen = { drug_id: 'i', ingredients: ['ibuprofen'], atc_codes: ['M01AE01'] }
const naproxen = { drug_id: 'n', ingredients: ['naproxen'], atc_codes: ['M01AE02'] }
const med = (d: typeof warfarin, status = 'verified'): ActiveMedicine => ({ ...d, prescription_id: `rx-${d.drug_id}`, status })
const input = (o: Partial<DurInput> = {}): DurInput => ({
  drug: ibuprofen,
  schedule: null,
  quantity: 30,
  days_supply: null,
  active: [],
  interactions: [],
  allergies: [],
  ...o,
})
const interaction = {
  drug_ids: ['w', 'i'],
  ingredients: ['warfarin', 'ibuprofen'],
  severity: 'high' as const,
  description: 'bleeding',
  source: 'ONC',
}

test('nothing to find: no other medicines, amounts within limits', () => {
  assert.deepEqual(reviewDrugUse(input()), [])
})

test('an interaction with an open prescription or with medication history is a finding of its severity', () => {
  const f = reviewDrugUse(input({ active: [med(warfarin)], interactions: [interaction] }))
  assert.deepEqual(
    f.map((x) => [x.code, x.severity, x.related]),
    [['interaction', 'high', ['rx-w']]],
  )
  const h = reviewDrugUse(input({ active: [med(warfarin, 'inactive')], interactions: [interaction] }))
  assert.match(h[0]!.message, /medication history/)
})

test('interactions that do not involve the new drug are not its findings; an unavailable checker is', () => {
  const other = { ...interaction, drug_ids: ['w', 'x'] }
  assert.deepEqual(reviewDrugUse(input({ active: [med(warfarin)], interactions: [other] })), [])
  assert.deepEqual(
    reviewDrugUse(input({ active: [med(warfarin)], interactions: null })).map((x) => x.code),
    ['interaction_check_unavailable'],
  )
})

test('duplicate therapy: the same ingredient (moderate) or the same ATC subgroup (low)', () => {
  assert.deepEqual(
    reviewDrugUse(input({ active: [med({ ...ibuprofen, drug_id: 'i2' })] })).map((x) => [x.code, x.severity]),
    [['duplicate_therapy', 'moderate']],
  )
  assert.deepEqual(
    reviewDrugUse(input({ active: [med(naproxen)] })).map((x) => [x.code, x.severity]),
    [['duplicate_therapy', 'low']],
  )
  assert.deepEqual(reviewDrugUse(input({ active: [med(warfarin)] })), [])
})

test('dose and quantity limits', () => {
  assert.deepEqual(
    reviewDrugUse(input({ quantity: 400, days_supply: 30 })).map((x) => x.code),
    ['dose_limit'],
  )
  assert.deepEqual(
    reviewDrugUse(input({ quantity: 100, days_supply: 100 })).map((x) => x.code),
    ['quantity_limit'],
  )
  assert.deepEqual(
    reviewDrugUse(input({ quantity: 60, days_supply: 60, schedule: 'CII' })).map((x) => x.code),
    ['quantity_limit'],
  )
  assert.deepEqual(reviewDrugUse(input({ quantity: 60, days_supply: 30, schedule: 'CII' })), [])
  assert.deepEqual(
    reviewDrugUse(input({ quantity: 361 })).map((x) => x.code),
    ['quantity_limit'],
  )
})

const allergy = (substance: string, categories: string[] = []): PatientAllergy => ({
  allergy_id: `al-${substance}`,
  substance,
  criticality: 'high',
  ...meaningOf(substance, categories),
})

test('an allergy to an ingredient or to its class (ATC prefix) is a high finding; a non-drug allergy is none', () => {
  const amoxicillin = { drug_id: 'a', ingredients: ['amoxicillin', 'clavulanate'], atc_codes: ['J01CR02'] }
  const byName = reviewDrugUse(input({ drug: amoxicillin, allergies: [allergy('amoxicillin')] }))
  assert.deepEqual(
    byName.map((x) => [x.code, x.severity, x.related]),
    [['allergy', 'high', ['al-amoxicillin']]],
  )
  assert.match(byName[0]!.message, /contains amoxicillin/)
  assert.deepEqual(
    reviewDrugUse(input({ drug: { ...amoxicillin, ingredients: ['something new'] }, allergies: [allergy('Penicillins')] })).map(
      (x) => x.code,
    ),
    ['allergy'],
    'by ATC J01C',
  )
  assert.deepEqual(
    reviewDrugUse(input({ drug: naproxen, allergies: [allergy('NSAIDs')] })).map((x) => x.code),
    ['allergy'],
  )
  const cotrimoxazole = { drug_id: 's', ingredients: ['sulfamethoxazole', 'trimethoprim'], atc_codes: ['J01EA01', 'J01EC01', 'J01EE01'] }
  assert.deepEqual(
    reviewDrugUse(input({ drug: cotrimoxazole, allergies: [allergy('sulfa drugs')] })).map((x) => x.code),
    ['allergy'],
  )
  const trimethoprim = { drug_id: 't', ingredients: ['trimethoprim'], atc_codes: ['J01EA01'] }
  assert.deepEqual(
    reviewDrugUse(input({ drug: trimethoprim, allergies: [allergy('sulfa drugs')] })),
    [],
    'trimethoprim alone is no sulfonamide',
  )
  assert.deepEqual(
    reviewDrugUse(input({ drug: amoxicillin, allergies: [allergy('Allergy to fish', ['food']), allergy('Shellfish allergy')] })),
    [],
  )
})
