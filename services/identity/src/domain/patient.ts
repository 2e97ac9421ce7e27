/** What identity knows of a patient, once decrypted. */

/** A postal address as the API names its fields. */
export interface Address {
  line1: string
  line2?: string | null
  city: string
  state: string
  postal_code: string
  country: string
}

/** The patient's contact preferences: may we e-mail, may we text. */
export interface Consent {
  email: boolean
  sms: boolean
}

/** A patient's full record in the clear (only ever in memory, never stored like this). */
export interface PatientRecord {
  patient_id: string
  name: string
  email: string
  date_of_birth: string
  phone: string
  address: Address
  consent: Consent
  mfa_enabled: boolean
  created_at: string
}

/** Consent when registration says nothing: e-mail for the pharmacy's service messages, no SMS. */
export const DEFAULT_CONSENT: Consent = { email: true, sms: false }
