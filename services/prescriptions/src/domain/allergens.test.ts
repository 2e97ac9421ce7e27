import { test } from 'node:test'
import assert from 'node:assert/strict'
import { meaningOf, normaliseSubstance, sameSubstance } from './allergens.ts'
import { parseAllergyIntolerance } from './fhir-allergy-intolerance.ts'
import { MalformedIntake } from './intake.ts'

test('substances are reduced to their name, however they were recorded', () => {
  assert.equal(normaliseSubstance('Allergy to penicillin (disorder)'), 'penicillin')
  assert.equal(normaliseSubstance('Sulfonamide allergy'), 'sulfonamide')
  assert.equal(normaliseSubstance('  NSAIDs '), 'nsaids')
  assert.equal(normaliseSubstance('Dander (animal) allergy'), 'dander')
})

test('a class means its ATC prefixes and ingredients; anything else means its own name; non-drug categories mean nothing', () => {
  assert.deepEqual(meaningOf('Penicillin').atc_prefixes, ['J01C'])
  assert.ok(meaningOf('Allergy to penicillin').ingredients.includes('amoxicillin'))
  assert.deepEqual(meaningOf('sulfa drugs').atc_prefixes, ['J01EB', 'J01EC', 'J01ED', 'J01EE'])
  assert.deepEqual(meaningOf('NSAIDs').atc_prefixes, ['M01A'])
  assert.deepEqual(meaningOf('Lisinopril'), { ingredients: ['lisinopril'], atc_prefixes: [] })
  assert.deepEqual(meaningOf('Allergy to fish', ['food']), { ingredients: [], atc_prefixes: [] })
  assert.deepEqual(meaningOf('Penicillin', ['medication']).atc_prefixes, ['J01C'])
})

test('an ingredient is the allergen with or without its salt or form', () => {
  assert.ok(sameSubstance('penicillin v', 'penicillin'))
  assert.ok(sameSubstance('penicillin v', 'penicillin v potassium'))
  assert.ok(sameSubstance('Amoxicillin', 'amoxicillin'))
  assert.ok(!sameSubstance('amoxicillin', 'amox'))
  assert.ok(!sameSubstance('fish oil', 'shellfish'))
})

test('a FHIR AllergyIntolerance: substance as coded, status, patient by reference; malformed ones are refused', () => {
  const a = parseAllergyIntolerance(
    {
      resourceType: 'AllergyIntolerance',
      id: 'a1',
      category: ['medication'],
      criticality: 'high',
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }] },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '91936005', display: 'Allergy to penicillin' }] },
      patient: { reference: 'Patient/0B8F5A52-7D1E-4C55-9A57-2F2F1B4C9E10' },
    },
    '',
  )
  assert.equal(a.patient_id, '0b8f5a52-7d1e-4c55-9a57-2f2f1b4c9e10')
  assert.equal(a.patient_ref, 'Patient/0b8f5a52-7d1e-4c55-9a57-2f2f1b4c9e10')
  assert.deepEqual(
    [a.substance_system, a.substance_code, a.substance_display, a.criticality, a.status],
    ['http://snomed.info/sct', '91936005', 'Allergy to penicillin', 'high', 'active'],
  )
  assert.deepEqual(a.atc_prefixes, ['J01C'])
  const refuted = parseAllergyIntolerance(
    {
      resourceType: 'AllergyIntolerance',
      code: { text: 'Penicillin' },
      patient: { reference: 'urn:uuid:x' },
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'refuted' }] },
    },
    '',
  )
  assert.deepEqual([refuted.patient_id, refuted.patient_ref, refuted.status], [null, 'urn:uuid:x', 'refuted'])
  assert.throws(
    () =>
      parseAllergyIntolerance({ resourceType: 'AllergyIntolerance', code: {}, patient: { reference: 'Patient/x' } }, 'entry[3].resource.'),
    (e: unknown) => e instanceof MalformedIntake && e.field === 'entry[3].resource.code',
  )
  assert.throws(() => parseAllergyIntolerance({ resourceType: 'AllergyIntolerance', code: { text: 'x' } }, ''), MalformedIntake)
})
