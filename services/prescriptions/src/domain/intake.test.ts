import { test } from 'node:test'
import assert from 'node:assert/strict'
import { CATALOG_UNAVAILABLE_NOTE, draftFromOrder, draftFromSubmission, type ParsedOrder, type Submission } from './intake.ts'

const today = '2026-03-10'
const DRUG = '5b8e5f55-3b0b-5d2b-9c57-0a1b2c3d4e5f'
const order = (o: Partial<ParsedOrder> = {}): ParsedOrder => ({
  channel: 'ncpdp',
  patient_id: '0b8f5a52-7d1e-4c55-9a57-2f2f1b4c9e10',
  prescriber_id: null,
  dosage: 'one daily',
  quantity: 30,
  refill_count: 1,
  issue_date: '2026-03-01',
  expiry_date: null,
  history: null,
  notes: [],
  source: { ndc: '00093310501' },
  ...o,
})
const found = { kind: 'found' as const, drug_id: DRUG, dea_schedule: null, via: 'ndc' as const }

test('a complete order with a known drug goes to review with a default expiry and no notes', () => {
  const d = draftFromOrder(order(), found, today, null)
  assert.equal(d.final, 'in_review')
  assert.equal(d.drug_id, DRUG)
  assert.equal(d.expiry_date, '2027-03-01')
  assert.deepEqual(d.notes, [])
})

test('what cannot be resolved becomes notes, and nothing invalid is stored', () => {
  const d = draftFromOrder(
    order({ quantity: 50_000, refill_count: 40, issue_date: null }),
    { kind: 'unavailable', drug_id: null },
    today,
    null,
  )
  assert.equal(d.final, 'in_review')
  assert.equal(d.quantity, null)
  assert.equal(d.refill_count, 11)
  assert.equal(d.drug_confirmed, false)
  assert.ok(d.notes.includes(CATALOG_UNAVAILABLE_NOTE))
  assert.ok(d.notes.some((n) => n.includes('quantity 50000')))
  assert.ok(d.notes.some((n) => n.includes('written date')))
  assert.match(d.reason, /notes to review/)
})

test('a schedule II order with refills is queued with the broken rule as a note', () => {
  const d = draftFromOrder(order(), { ...found, dea_schedule: 'CII' }, today, null)
  assert.equal(d.dea_schedule, 'CII')
  assert.ok(d.notes.some((n) => n.startsWith('refill_count:')))
})

test('medication history is archived, with its reason', () => {
  const d = draftFromOrder(order({ history: 'medication history (FHIR status completed)' }), found, today, null)
  assert.equal(d.final, 'inactive')
  assert.equal(d.reason, 'medication history (FHIR status completed)')
})

test('a structured submission that breaks a rule is refused, one that keeps them is drafted', () => {
  const s: Submission = {
    patient_id: order().patient_id!,
    drug_id: DRUG,
    dosage: 'one daily',
    quantity: 30,
    refill_count: 2,
    issue_date: '2026-03-01',
    channel: 'structured',
    prescriber_id: null,
    submitted_by: 'x',
  }
  const bad = draftFromSubmission(s, { ...found, dea_schedule: 'CII' }, today)
  assert.ok('violations' in bad && bad.violations[0]!.field === 'refill_count')
  const ok = draftFromSubmission(s, found, today)
  assert.ok('draft' in ok && ok.draft.final === 'in_review' && ok.draft.drug_confirmed)
  const unconfirmed = draftFromSubmission(s, { kind: 'unavailable', drug_id: DRUG }, today)
  assert.ok('draft' in unconfirmed && unconfirmed.draft.drug_id === DRUG && !unconfirmed.draft.drug_confirmed)
})
