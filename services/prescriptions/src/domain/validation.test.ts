import { test } from 'node:test'
import assert from 'node:assert/strict'
import { isValidDea, isValidNpi, validatePrescription, type PrescriberRecord, type ValidationInput } from './validation.ts'
import { isBlocked, needsOverride } from './findings.ts'

const today = '2026-03-10'
const rx = (o: Partial<ValidationInput> = {}): ValidationInput => ({
  issue_date: '2026-03-01',
  expiry_date: null,
  quantity: 30,
  refill_count: 0,
  prescriber_npi: null,
  schedule: null,
  drug_confirmed: true,
  ...o,
})
const doctor: PrescriberRecord = { kind: 'found', npi: '1234567893', dea_number: 'BH1234563', licence_state: 'NY' }
const codes = (f: ReturnType<typeof validatePrescription>) => f.map((x) => `${x.code}:${x.severity}`)

test('NPI and DEA check digits', () => {
  assert.equal(isValidNpi('1234567893'), true)
  assert.equal(isValidNpi('1234567890'), false)
  assert.equal(isValidNpi('123456789'), false)
  assert.equal(isValidDea('BH1234563'), true)
  assert.equal(isValidDea('bh1234563'), true)
  assert.equal(isValidDea('BH1234567'), false)
  assert.equal(isValidDea('IH1234563'), false, 'I is not a registrant type')
})

test('a valid prescriber and a lawful prescription pass with nothing found', () => {
  assert.deepEqual(validatePrescription(rx(), doctor, today), [])
  assert.deepEqual(validatePrescription(rx({ schedule: 'CII' }), doctor, today), [])
})

test("prescriber: identity's record with a bad NPI, no licence state, or unknown is blocking", () => {
  assert.deepEqual(codes(validatePrescription(rx(), { ...doctor, npi: '1234567890' }, today)), ['prescriber_npi_invalid:blocking'])
  assert.deepEqual(codes(validatePrescription(rx(), { ...doctor, licence_state: null }, today)), ['prescriber_licence_state:blocking'])
  assert.deepEqual(codes(validatePrescription(rx(), { ...doctor, licence_state: 'ZZ' }, today)), ['prescriber_licence_state:blocking'])
  assert.deepEqual(codes(validatePrescription(rx(), { kind: 'unknown' }, today)), ['prescriber_unknown:blocking'])
})

test('controlled substances: DEA registration present, valid, and covering the schedule', () => {
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CIV' }), { ...doctor, dea_number: null }, today)), [
    'prescriber_dea_missing:blocking',
  ])
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CIV' }), { ...doctor, dea_number: 'BH1234567' }, today)), [
    'prescriber_dea_invalid:blocking',
  ])
  const civOnly: PrescriberRecord = { ...doctor, dea_schedules: ['CIII', 'CIV', 'CV'] }
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CII' }), civOnly, today)), ['prescriber_schedule_not_permitted:blocking'])
  assert.deepEqual(validatePrescription(rx({ schedule: 'CIV' }), civOnly, today), [])
  assert.deepEqual(validatePrescription(rx(), { ...doctor, dea_number: null }, today), [], 'no DEA needed for an uncontrolled drug')
})

test('an NPI only the message carries, or a prescriber identity cannot be asked about, is for the pharmacist, not blocking', () => {
  const f = validatePrescription(rx({ prescriber_npi: '1888888888', schedule: 'CII' }), { kind: 'none' }, today)
  assert.deepEqual(codes(f), ['prescriber_npi_invalid:high', 'prescriber_dea_unverified:high'])
  assert.equal(isBlocked(f), false)
  assert.equal(needsOverride(f), true)
  assert.deepEqual(codes(validatePrescription(rx(), { kind: 'unavailable' }, today)), ['prescriber_unverified:info'])
  assert.deepEqual(codes(validatePrescription(rx(), { kind: 'none' }, today)), ['prescriber_unidentified:moderate'])
  assert.deepEqual(validatePrescription(rx({ prescriber_npi: '1234567893' }), { kind: 'none' }, today), [])
})

test('the law of the schedule: no refills on CII, at most five and six months on CIII–CIV, not expired, not future', () => {
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CII', refill_count: 1 }), doctor, today)), ['rule_refill_count:blocking'])
  assert.deepEqual(validatePrescription(rx({ schedule: 'CIII', refill_count: 5 }), doctor, today), [])
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CIII', refill_count: 6 }), doctor, today)), ['rule_refill_count:blocking'])
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CIV', refill_count: 6 }), doctor, today)), ['rule_refill_count:blocking'])
  assert.deepEqual(
    codes(validatePrescription(rx({ schedule: 'CIV', expiry_date: '2026-09-02' }), doctor, today)),
    ['rule_expiry_date:blocking'],
    'six months and a day',
  )
  assert.deepEqual(validatePrescription(rx({ schedule: 'CIV', expiry_date: '2026-09-01' }), doctor, today), [])
  assert.deepEqual(
    codes(validatePrescription(rx({ issue_date: '2025-01-01' }), doctor, today)),
    ['rule_expiry_date:blocking'],
    'expired after a year',
  )
  assert.deepEqual(codes(validatePrescription(rx({ issue_date: '2026-03-11' }), doctor, today)), ['rule_issue_date:blocking'])
  assert.deepEqual(codes(validatePrescription(rx({ schedule: 'CI' }), doctor, today)), ['rule_drug_id:blocking'])
})

test('a drug the catalog could not confirm is a finding: its schedule is unknown', () => {
  assert.deepEqual(codes(validatePrescription(rx({ drug_confirmed: false }), doctor, today)), ['schedule_unknown:moderate'])
})
