import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toFhirBundle } from './fhir-patient.ts'
import type { PatientRecord } from './patient.ts'

const patient: PatientRecord = {
  patient_id: '0b7c7f2e-5f4a-4e59-9a53-2f4f2c7e9b10',
  name: 'Ada Lovelace',
  email: 'ada@example.test',
  date_of_birth: '1985-12-10',
  phone: '+12125550123',
  address: { line1: '350 Fifth Avenue', line2: 'Floor 3', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
  consent: { email: true, sms: false },
  mfa_enabled: false,
  created_at: '2026-01-01T00:00:00.000Z',
}

test('the export bundle is a FHIR R4 collection holding the Patient', () => {
  const b = toFhirBundle(patient, new Date('2026-02-01T00:00:00Z'))
  assert.equal(b.resourceType, 'Bundle')
  assert.equal(b.type, 'collection')
  assert.equal(b.entry.length, 1)
  const p = b.entry[0]!.resource
  assert.equal(b.entry[0]!.fullUrl, `urn:uuid:${patient.patient_id}`)
  assert.equal(p.resourceType, 'Patient')
  assert.equal(p.birthDate, '1985-12-10')
  assert.equal(p.name[0]!.text, 'Ada Lovelace')
  assert.deepEqual(
    p.telecom.map((t) => t.system),
    ['phone', 'email'],
  )
  assert.deepEqual(p.address[0], {
    use: 'home',
    type: 'both',
    line: ['350 Fifth Avenue', 'Floor 3'],
    city: 'New York',
    state: 'NY',
    postalCode: '10118',
    country: 'US',
  })
})
