import { randomBytes } from 'node:crypto'
import type { Sql } from '@apotheca/kernel'
import { replaceRecoveryCodes } from '../db/recovery-code.repository.ts'
import type { IdentityDeps } from './deps.ts'

/** Recovery codes issued at once; each signs in once in place of the authenticator code. */
export const RECOVERY_CODE_COUNT = 10

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789' // no 0/o, 1/l/i: codes are typed from paper

/** A code of 16 characters (~79 bits) shown as four groups: xxxx-xxxx-xxxx-xxxx. */
function newCode(): string {
  const bytes = randomBytes(16)
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('')
  return chars.match(/.{4}/g)!.join('-')
}

/** The stored form: a keyed hash of the code with blanks, dashes and case ignored. */
export const recoveryHash = (deps: IdentityDeps, code: string) =>
  deps.vault.fingerprint({ recovery_code: code.toLowerCase().replace(/[\s-]/g, '') })

/** New recovery codes for the account, replacing the old ones; the clear codes are returned once. */
export async function issueRecoveryCodes(deps: IdentityDeps, tx: Sql, accountId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode)
  await replaceRecoveryCodes(
    tx,
    accountId,
    codes.map((c) => recoveryHash(deps, c)),
  )
  return codes
}
