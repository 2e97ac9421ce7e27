import { randomUUID } from 'node:crypto'
import { conflict, isUniqueViolation } from '@apotheca/kernel'
import { DEFAULT_CONSENT, type Address, type Consent } from '../domain/patient.ts'
import { normaliseAddress } from '../domain/patient-rules.ts'
import { findActiveByEmailIndex, insertAccount } from '../db/account.repository.ts'
import { insertPatient } from '../db/patient.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { EMAIL_TAKEN, sealNewAccount } from './new-account.ts'

/** A validated registration. */
export interface Registration {
  name: string
  date_of_birth: string
  email: string
  password: string
  phone: string
  address: Address
  consent?: Partial<Consent> | undefined
}

/** Registers a patient (its address normalised): account and sealed profile in one transaction with the registered event. */
export async function registerPatient(deps: IdentityDeps, r: Registration): Promise<{ patient_id: string }> {
  if (await findActiveByEmailIndex(deps.db, deps.vault.emailIndex(r.email))) throw conflict(EMAIL_TAKEN.slug, EMAIL_TAKEN.title)
  const patientId = randomUUID()
  const { row, dek } = await sealNewAccount(deps.vault, {
    accountId: patientId,
    role: 'patient',
    name: r.name,
    email: r.email,
    password: r.password,
  })
  const profile = {
    date_of_birth: r.date_of_birth,
    phone: r.phone,
    address: normaliseAddress({ ...r.address, line2: r.address.line2 ?? null }),
  }
  try {
    await deps.db.transaction(async (tx) => {
      await insertAccount(tx, row)
      await insertPatient(tx, {
        patient_id: patientId,
        profile_sealed: deps.vault.sealJson(dek, patientId, 'profile', profile),
        consent: { ...DEFAULT_CONSENT, ...r.consent },
      })
      await deps.publish(tx, 'identity.patient.registered.v1', patientId, { patient_id: patientId })
    })
  } catch (err) {
    // Two registrations of one e-mail at once: the blind index's unique constraint decides.
    if (isUniqueViolation(err)) throw conflict(EMAIL_TAKEN.slug, EMAIL_TAKEN.title)
    throw err
  }
  deps.log.info({ patient_id: patientId }, 'patient registered')
  return { patient_id: patientId }
}
