import type { PatientRecord } from './patient.ts'

/** The system under which our patient ids are FHIR identifiers. */
export const PATIENT_ID_SYSTEM = 'https://apotheca.dev/fhir/sid/patient-id'

/** A FHIR R4 Patient resource for the patient's record. */
export function toFhirPatient(p: PatientRecord) {
  const a = p.address
  return {
    resourceType: 'Patient' as const,
    id: p.patient_id,
    identifier: [{ system: PATIENT_ID_SYSTEM, value: p.patient_id }],
    active: true,
    name: [{ use: 'official', text: p.name }],
    telecom: [
      { system: 'phone', value: p.phone, use: 'mobile' },
      { system: 'email', value: p.email, use: 'home' },
    ],
    birthDate: p.date_of_birth,
    address: [
      {
        use: 'home',
        type: 'both',
        line: [a.line1, ...(a.line2 ? [a.line2] : [])],
        city: a.city,
        state: a.state,
        postalCode: a.postal_code,
        country: a.country,
      },
    ],
  }
}

/** A FHIR R4 Bundle of type collection holding the patient (a GDPR export in FHIR form). */
export function toFhirBundle(p: PatientRecord, now: Date) {
  return {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    timestamp: now.toISOString(),
    entry: [{ fullUrl: `urn:uuid:${p.patient_id}`, resource: toFhirPatient(p) }],
  }
}
