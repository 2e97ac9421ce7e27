import { notFound } from '@apotheca/kernel'
import type { PasswordResetRecipient } from '@apotheca/contracts'
import { findAccount } from '../db/account.repository.ts'
import { findLiveReset } from '../db/password-reset.repository.ts'
import type { IdentityDeps } from './deps.ts'
import { recordPhiAccess } from './read-patient.ts'

/**
 * The address a reset e-mail goes to, for notifications. Answered only while the reset is live, so the
 * route gives no one a way to read addresses by account id, and a replaced or expired reset is never
 * mailed. A patient's address is PHI: the read is audited like any internal read.
 */
export async function passwordResetRecipient(deps: IdentityDeps, resetId: string, actorId: string): Promise<PasswordResetRecipient> {
  const reset = await findLiveReset(deps.db, resetId)
  const account = reset ? await findAccount(deps.db, reset.account_id) : null
  if (!reset || !account || account.status !== 'active' || !account.wrapped_dek || !account.contact_sealed) throw notFound('Password reset')
  const dek = deps.vault.unwrap(account.account_id, account.wrapped_dek)
  const { email } = deps.vault.openJson<{ email: string }>(dek, account.account_id, 'contact', account.contact_sealed)
  if (account.role === 'patient') await recordPhiAccess(deps, account.account_id, actorId, 'internal')
  return { reset_id: reset.reset_id, account_id: account.account_id, email }
}
