import type { Role } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'

/** An account as stored: personal fields sealed, the e-mail only as its blind index. */
export interface AccountRow {
  account_id: string
  role: Role
  status: 'active' | 'erased'
  email_index: string | null
  password_hash: string | null
  wrapped_dek: string | null
  contact_sealed: string | null
  totp_secret_sealed: string | null
  totp_enabled_at: Date | null
  totp_last_step: number | null
  created_at: Date
}

/** A new account's row, already sealed and hashed. */
export type NewAccount = Pick<AccountRow, 'account_id' | 'role' | 'email_index' | 'password_hash' | 'wrapped_dek' | 'contact_sealed'> & {
  /** The KEK the DEK is wrapped under (PhiVault.kekId). */
  kek_id?: string
  totp_secret_sealed?: string | null
  totp_enabled?: boolean
}

const COLUMNS =
  'account_id, role, status, email_index, password_hash, wrapped_dek, contact_sealed, totp_secret_sealed, totp_enabled_at, totp_last_step, created_at'

/** As the driver returns it: totp_last_step is a bigint (text from PostgreSQL, a number from PGlite). */
type StoredAccount = Omit<AccountRow, 'totp_last_step'> & { totp_last_step: number | string | null }

function toRow(r: StoredAccount): AccountRow {
  return { ...r, totp_last_step: r.totp_last_step === null ? null : Number(r.totp_last_step) }
}

/** Inserts an account; a taken e-mail index raises a unique violation. */
export async function insertAccount(tx: Sql, a: NewAccount): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO identity.accounts (account_id, role, email_index, password_hash, wrapped_dek, contact_sealed, totp_secret_sealed, totp_enabled_at, kek_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $8::boolean THEN now() END, $9)`,
    [
      a.account_id,
      a.role,
      a.email_index,
      a.password_hash,
      a.wrapped_dek,
      a.contact_sealed,
      a.totp_secret_sealed ?? null,
      a.totp_enabled ?? false,
      a.kek_id ?? null,
    ],
  )
}

/** The active account with this e-mail blind index, if any. */
export async function findActiveByEmailIndex(db: Sql, emailIndex: string): Promise<AccountRow | null> {
  const { rows } = await db.query<StoredAccount>(
    /* sql */ `SELECT ${COLUMNS} FROM identity.accounts WHERE email_index = $1 AND status = 'active'`,
    [emailIndex],
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** An account by id, whatever its status; `lock` holds it for this transaction. */
export async function findAccount(db: Sql, accountId: string, lock = false): Promise<AccountRow | null> {
  const { rows } = await db.query<StoredAccount>(
    /* sql */ `SELECT ${COLUMNS} FROM identity.accounts WHERE account_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [accountId],
  )
  return rows[0] ? toRow(rows[0]) : null
}

/** Replaces an account's password hash. */
export async function setPasswordHash(tx: Sql, accountId: string, hash: string): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.accounts SET password_hash = $2, updated_at = now() WHERE account_id = $1`, [accountId, hash])
}

/** Remembers the TOTP step just accepted, so the same code is never accepted again. */
export async function recordTotpStep(tx: Sql, accountId: string, step: number): Promise<void> {
  await tx.query(/* sql */ `UPDATE identity.accounts SET totp_last_step = $2, updated_at = now() WHERE account_id = $1`, [accountId, step])
}

/** Stores a new, not yet confirmed TOTP secret (replacing an unconfirmed one). */
export async function setPendingTotp(tx: Sql, accountId: string, secretSealed: string): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE identity.accounts SET totp_secret_sealed = $2, totp_enabled_at = NULL, totp_last_step = NULL, updated_at = now()
     WHERE account_id = $1 AND totp_enabled_at IS NULL`,
    [accountId, secretSealed],
  )
}

/** Turns on the second factor once the first code from the new secret was proven. */
export async function enableTotp(tx: Sql, accountId: string, step: number): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE identity.accounts SET totp_enabled_at = now(), totp_last_step = $2, updated_at = now() WHERE account_id = $1`,
    [accountId, step],
  )
}

/** Crypto-shredding: the DEK, the e-mail index, the credentials and the sealed fields are destroyed. */
export async function eraseAccount(tx: Sql, accountId: string): Promise<void> {
  await tx.query(
    /* sql */ `UPDATE identity.accounts SET status = 'erased', email_index = NULL, password_hash = NULL, wrapped_dek = NULL,
       contact_sealed = NULL, totp_secret_sealed = NULL, totp_enabled_at = NULL, totp_last_step = NULL, erased_at = now(), updated_at = now()
     WHERE account_id = $1`,
    [accountId],
  )
}
