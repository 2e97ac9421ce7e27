import type { Sql } from '@apotheca/kernel'

/** A prescriber's registry identifiers. */
export interface PractitionerIds {
  npi: string
  dea_number: string | null
  licence_state: string
}

/** Inserts a practitioner's identifiers; a taken NPI raises a unique violation. */
export async function insertPractitioner(tx: Sql, accountId: string, p: PractitionerIds): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO identity.practitioners (account_id, npi, dea_number, licence_state) VALUES ($1, $2, $3, $4)`,
    [accountId, p.npi, p.dea_number, p.licence_state],
  )
}
