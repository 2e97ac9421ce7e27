import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { parseNewRx } from './ncpdp-newrx.ts'
import { MalformedIntake, UnsupportedIntake } from './intake.ts'

const DATA = new URL('../../../../fixtures/ncpdp-script/', import.meta.url)
const read = (f: string) => readFileSync(new URL(f, DATA), 'utf8')

test('a NewRx is read: message id, NPI, NDC, quantity, refills, written date, sig', () => {
  const o = parseNewRx(read('cosyte-newrx-basic.xml'))
  assert.equal(o.channel, 'ncpdp')
  assert.equal(o.source.message_id, 'SYNTH-MSG-0001')
  assert.equal(o.source.order_number, 'SYNTH-ORDER-0001')
  assert.equal(o.source.prescriber_npi, '1888888888')
  assert.equal(o.source.ndc, '00093310501')
  assert.equal(o.quantity, 30)
  assert.equal(o.refill_count, 1)
  assert.equal(o.issue_date, '2026-01-15')
  assert.match(o.dosage!, /three times daily/)
  assert.equal(o.patient_id, null)
})

test("NCPDP's own namespaced 2013 example and the coded 2023 one parse", () => {
  const a = parseNewRx(read('ncpdp-v2013071-NewRxForXSLTExample.xml'))
  assert.equal(a.source.message_id, '1234567')
  assert.equal(a.source.prescriber_npi, '666666666')
  assert.equal(a.quantity, 60)
  assert.equal(a.patient_id, null, 'a social security number is never taken as a patient id')
  const b = parseNewRx(read('cosyte-newrx-coded-and-strength.xml'))
  assert.equal(b.source.rxnorm, '314076')
  assert.equal(b.dosage, 'Take 1 tablet by mouth once daily.')
  assert.equal(b.refill_count, 3)
})

test('edge cases: empty fields are null, not errors', () => {
  const o = parseNewRx(read('cosyte-newrx-edge-empties.xml'))
  assert.equal(o.source.ndc, null)
  assert.equal(o.issue_date, null)
  assert.equal(o.quantity, 20)
})

test('an Apotheca patient id in the patient identification is matched', () => {
  const id = '0b8f5a52-7d1e-4c55-9a57-2f2f1b4c9e10'
  const xml = read('cosyte-newrx-basic.xml').replace(
    '<HumanPatient>',
    `<HumanPatient><Identification><PatientAccountNumber>${id}</PatientAccountNumber></Identification>`,
  )
  assert.equal(parseNewRx(xml).patient_id, id)
})

test('other transactions are not taken; an empty NewRx and broken XML are malformed', () => {
  assert.throws(() => parseNewRx(read('cosyte-cancelrx-request.xml')), UnsupportedIntake)
  assert.throws(() => parseNewRx(read('cosyte-legacy-version.xml')), MalformedIntake)
  assert.throws(() => parseNewRx('<Message><Body><NewRx></Body></Message>'), MalformedIntake)
  assert.throws(() => parseNewRx('{"not":"xml"}'), MalformedIntake)
})

test('XXE: a document type declaration with an external entity is refused, never expanded', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE Message [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Message><Header><MessageID>&xxe;</MessageID></Header><Body><NewRx><MedicationPrescribed><Quantity><Value>1</Value></Quantity></MedicationPrescribed></NewRx></Body></Message>`
  assert.throws(
    () => parseNewRx(xxe),
    (e: unknown) => e instanceof MalformedIntake && /document type/.test(e.message),
  )
})

test('only the predefined entities and character references are decoded, once', () => {
  const xml = read('cosyte-newrx-basic.xml').replace('SYNTH-MSG-0001', 'A&amp;B&lt;&#233;&amp;lt;')
  assert.equal(parseNewRx(xml).source.message_id, 'A&B<é&lt;')
})
