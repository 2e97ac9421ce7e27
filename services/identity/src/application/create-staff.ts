import { randomUUID } from 'node:crypto'
import type { Role } from '@apotheca/contracts'
import { conflict, isUniqueViolation } from '@apotheca/kernel'
import { findActiveByEmailIndex, insertAccount } from '../db/account.repository.ts'
import { insertPractitioner, type PractitionerIds } from '../db/practitioner.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { EMAIL_TAKEN, sealNewAccount } from './new-account.ts'

/** The roles an administrator creates accounts for (patients register themselves). */
export const STAFF_ROLES = ['practitioner', 'pharmacist', 'technician', 'driver', 'admin', 'auditor'] as const satisfies readonly Role[]
/** A role of a staff (non-patient) account. */
export type StaffRole = (typeof STAFF_ROLES)[number]

/** A validated staff account; a practitioner carries its registry identifiers. */
export interface NewStaff {
  email: string
  password: string
  name: string
  role: StaffRole
  practitioner?: PractitionerIds | undefined
  /** An enrolled TOTP secret (demo accounts); others enrol themselves after their first sign-in. */
  totpSecret?: string | undefined
}

/** Creates a staff account and publishes identity.account.created.v1 in the same transaction. */
export async function createStaff(deps: IdentityDeps, s: NewStaff): Promise<{ account_id: string }> {
  if (await findActiveByEmailIndex(deps.db, deps.vault.emailIndex(s.email))) throw conflict(EMAIL_TAKEN.slug, EMAIL_TAKEN.title)
  if (s.role === 'practitioner' && !s.practitioner) throw new Error('a practitioner account needs its NPI and licence state')
  const accountId = randomUUID()
  const { row } = await sealNewAccount(deps.vault, {
    accountId,
    role: s.role,
    name: s.name,
    email: s.email,
    password: s.password,
    ...(s.totpSecret ? { totpSecret: s.totpSecret } : {}),
  })
  try {
    await deps.db.transaction(async (tx) => {
      await insertAccount(tx, row)
      if (s.role === 'practitioner') await insertPractitioner(tx, accountId, s.practitioner!)
      await deps.publish(tx, 'identity.account.created.v1', accountId, { account_id: accountId, role: s.role })
    })
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    if (/npi/i.test(String((err as { constraint?: string }).constraint ?? (err as Error).message))) {
      throw conflict('npi-taken', 'A practitioner with this NPI already has an account')
    }
    throw conflict(EMAIL_TAKEN.slug, EMAIL_TAKEN.title)
  }
  deps.log.info({ account_id: accountId, role: s.role }, 'staff account created')
  return { account_id: accountId }
}
