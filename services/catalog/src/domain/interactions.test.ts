import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findInteractions, lookupNames, type InteractionRule } from './interactions.ts'

const rule = (a: string, b: string, severity: InteractionRule['severity'], source = 'va_ndfrt'): InteractionRule => ({
  ingredient_a: a,
  ingredient_b: b,
  severity,
  description: `${a} × ${b}`,
  source,
})

const zoloft = { drug_id: 'd-sertraline', ingredients: ['sertraline hydrochloride'] }
const nardil = { drug_id: 'd-phenelzine', ingredients: ['phenelzine'] }
const coumadin = { drug_id: 'd-warfarin', ingredients: ['warfarin sodium'] }
const combo = { drug_id: 'd-combo', ingredients: ['aspirin', 'amiodarone'] }
const amoxil = { drug_id: 'd-amoxicillin', ingredients: ['amoxicillin'] }

test('a salt form matches the base name of the rule, and the drug names its own ingredient', () => {
  const found = findInteractions([zoloft, nardil], [rule('phenelzine', 'sertraline', 'high', 'onc_high_priority')])
  assert.deepEqual(found, [
    {
      drug_ids: ['d-sertraline', 'd-phenelzine'],
      ingredients: ['sertraline hydrochloride', 'phenelzine'],
      severity: 'high',
      description: 'phenelzine × sertraline',
      source: 'onc_high_priority',
    },
  ])
})

test('a pair of drugs is reported once, with its highest severity', () => {
  const rules = [rule('aspirin', 'warfarin', 'moderate'), rule('amiodarone', 'warfarin', 'high'), rule('acetaminophen', 'warfarin', 'low')]
  const found = findInteractions([coumadin, combo], rules)
  assert.equal(found.length, 1)
  assert.equal(found[0]!.severity, 'high')
  assert.deepEqual(found[0]!.ingredients, ['warfarin sodium', 'amiodarone'])
})

test('every pair is checked, strongest first; drugs without rules and repeated ids add nothing', () => {
  const rules = [rule('aspirin', 'warfarin', 'moderate'), rule('phenelzine', 'sertraline', 'high')]
  const found = findInteractions([coumadin, amoxil, zoloft, combo, nardil, coumadin], rules)
  assert.deepEqual(
    found.map((f) => f.drug_ids),
    [
      ['d-sertraline', 'd-phenelzine'],
      ['d-warfarin', 'd-combo'],
    ],
  )
})

test('ingredients of one drug never interact with each other here', () => {
  assert.deepEqual(findInteractions([combo, amoxil], [rule('amiodarone', 'aspirin', 'high')]), [])
})

test('lookup names cover the names as written and their bases', () => {
  assert.deepEqual(lookupNames([zoloft, coumadin]).sort(), ['sertraline', 'sertraline hydrochloride', 'warfarin', 'warfarin sodium'])
})
