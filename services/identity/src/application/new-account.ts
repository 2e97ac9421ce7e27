import type { Role } from '@apotheca/contracts'
import type { NewAccount } from '../db/account.repository.ts'
import type { PhiVault } from './phi-vault.ts'
import { hashPassword } from './passwords.ts'

/** The sealed row of a new account, and its DEK to seal the role's own fields with. */
export interface SealedAccount {
  row: NewAccount
  dek: Buffer
}

/**
 * Prepares a new account outside any transaction (argon2 takes tens of milliseconds): a fresh DEK,
 * name and e-mail sealed under it, the e-mail's blind index, the password's argon2id hash and,
 * when given, an already enrolled TOTP secret.
 */
export async function sealNewAccount(
  vault: PhiVault,
  a: {
    accountId: string
    role: Role
    name: string
    email: string
    password: string
    totpSecret?: string
  },
): Promise<SealedAccount> {
  const { dek, wrapped } = vault.newAccountKey(a.accountId)
  return {
    dek,
    row: {
      account_id: a.accountId,
      role: a.role,
      email_index: vault.emailIndex(a.email),
      password_hash: await hashPassword(a.password),
      wrapped_dek: wrapped,
      kek_id: vault.kekId,
      contact_sealed: vault.sealJson(dek, a.accountId, 'contact', { name: a.name, email: a.email }),
      ...(a.totpSecret ? { totp_secret_sealed: vault.sealJson(dek, a.accountId, 'totp', a.totpSecret), totp_enabled: true } : {}),
    },
  }
}

/** The problem for an e-mail that already has an account. */
export const EMAIL_TAKEN = { slug: 'email-taken', title: 'An account with this e-mail already exists' } as const
