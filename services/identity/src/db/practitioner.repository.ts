import type { Sql } from '@apotheca/kernel'

/** A prescriber's registry identifiers. */
export interface PractitionerIds {
  npi: string
  dea_number: string | null
  licence_state: string
}

/** Inserts a practitioner's identifiers; a taken NPI raises a unique violation. */
export async function insertPractitioner(tx: Sql, accountId: string, p: PractitionerIds): Promise<void> {
  await tx.query(/* sql */ `INSERT INTO identity.practitioners (account_id, npi, dea_number, licence_state) VALUES ($1, $2, $3, $4)`, [
    accountId,
    p.npi,
    p.dea_number,
    p.licence_state,
  ])
}

/** A prescriber's identifiers and account status, by account id; null when there is none. */
export async function findPractitioner(
  db: Sql,
  accountId: string,
): Promise<(PractitionerIds & { account_id: string; status: string }) | null> {
  const { rows } = await db.query<PractitionerIds & { account_id: string; status: string }>(
    /* sql */ `SELECT p.account_id, p.npi, p.dea_number, p.licence_state, a.status
     FROM identity.practitioners p JOIN identity.accounts a USING (account_id) WHERE p.account_id = $1`,
    [accountId],
  )
  return rows[0] ?? null
}
