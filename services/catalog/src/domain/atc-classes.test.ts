import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { ATC_CLASSES, inAtcClass } from './atc-classes.ts'
import { findInteractions, type InteractionRule } from './interactions.ts'
import { loadClassRules } from '../application/class-rules.ts'

test('every class of the shipped class rules is mapped to ATC codes, except the documented QT class', () => {
  const classes = new Set(loadClassRules().flatMap((r) => [r.class_a, r.class_b]))
  const unmapped = [...classes].filter((c) => !ATC_CLASSES[c.toLowerCase()])
  assert.deepEqual(unmapped, ['QT prolonging agents'])
  assert.ok(readFileSync(new URL('./atc-classes.ts', import.meta.url), 'utf8').includes('"QT prolonging agents"'))
})

test('class membership: a prefix brings a group in, an out code and topical-only codes keep a drug out', () => {
  assert.ok(inAtcClass('MAOI', ['N04BD02']), 'rasagiline')
  assert.ok(inAtcClass('Triptans', ['N02CC05']), 'almotriptan')
  assert.ok(!inAtcClass('CYP3A4 inhibitors / Macrolides', ['J01FA10']), 'azithromycin is out')
  assert.ok(inAtcClass('CYP3A4 inhibitors / Macrolides', ['J01FA09']), 'clarithromycin')
  assert.ok(!inAtcClass('Imidazoles', ['D01AC01', 'G01AF02']), 'topical clotrimazole')
  assert.ok(!inAtcClass('QT prolonging agents', ['C01BD01']), 'unmapped class: no member')
})

const almotriptan = { drug_id: 'a', ingredients: ['almotriptan malate'], atc_codes: ['N02CC05'] }
const rasagiline = { drug_id: 'r', ingredients: ['rasagiline'], atc_codes: ['N04BD02'] }
const classRule = {
  class_a: 'Triptans',
  class_b: 'Monoamine oxidase (MAO) inhibitors',
  severity: 'high' as const,
  source: 'onc_high_priority',
}

test('a class rule reports the pair, whichever side each drug is on; a same-severity ingredient rule wins', () => {
  const [hit] = findInteractions([rasagiline, almotriptan], [], [classRule])
  assert.deepEqual(hit, {
    drug_ids: ['r', 'a'],
    ingredients: ['rasagiline', 'almotriptan malate'],
    severity: 'high',
    description: 'ONC high-priority DDI (class rule): Triptans × Monoamine oxidase (MAO) inhibitors',
    source: 'onc_high_priority_class',
  })
  const specific: InteractionRule = {
    ingredient_a: 'almotriptan',
    ingredient_b: 'rasagiline',
    severity: 'high',
    description: 'listed',
    source: 'va_ndfrt',
  }
  assert.equal(findInteractions([rasagiline, almotriptan], [specific], [classRule])[0]!.description, 'listed')
  const weaker = { ...specific, severity: 'moderate' as const }
  assert.equal(findInteractions([rasagiline, almotriptan], [weaker], [classRule])[0]!.severity, 'high')
  assert.deepEqual(findInteractions([{ ...almotriptan, atc_codes: [] }, rasagiline], [], [classRule]), [])
})
