import type { Sql } from '@apotheca/kernel'
import type { AllergyDraft, AllergyStatus } from '../domain/allergy.ts'

/** An allergy as stored. */
export interface AllergyRow extends AllergyDraft {
  allergy_id: string
  recorded_at: string
}

const COLUMNS = /* sql */ `allergy_id, patient_id, patient_ref, substance_system, substance_code, substance_display, categories, ingredients,
  atc_prefixes, criticality, status, source, source_fhir_id, recorded_by, recorded_at`

/** An allergy row as the driver returns it (recorded_at a timestamptz). */
type StoredAllergy = Omit<AllergyRow, 'recorded_at'> & { recorded_at: Date | string }

const toRow = (r: StoredAllergy): AllergyRow => ({ ...r, recorded_at: new Date(r.recorded_at).toISOString() })

/** Records an allergy; the same FHIR resource for the same patient again updates the first record. */
export async function upsertAllergy(tx: Sql, id: string, a: AllergyDraft): Promise<AllergyRow> {
  const { rows } = await tx.query<StoredAllergy>(
    /* sql */ `INSERT INTO prescriptions.allergies (allergy_id, patient_id, patient_ref, substance_system, substance_code, substance_display, categories,
       ingredients, atc_prefixes, criticality, status, source, source_fhir_id, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (patient_ref, source_fhir_id) DO UPDATE SET substance_system = EXCLUDED.substance_system, substance_code = EXCLUDED.substance_code,
       substance_display = EXCLUDED.substance_display, categories = EXCLUDED.categories, ingredients = EXCLUDED.ingredients,
       atc_prefixes = EXCLUDED.atc_prefixes, criticality = EXCLUDED.criticality, status = EXCLUDED.status, recorded_by = EXCLUDED.recorded_by, recorded_at = now()
     RETURNING ${COLUMNS}`,
    [
      id,
      a.patient_id,
      a.patient_ref,
      a.substance_system,
      a.substance_code,
      a.substance_display,
      a.categories,
      a.ingredients,
      a.atc_prefixes,
      a.criticality,
      a.status,
      a.source,
      a.source_fhir_id,
      a.recorded_by,
    ],
  )
  return toRow(rows[0]!)
}

/** A patient's allergies, oldest first; only those in a status when one is given (DUR reads the active ones). */
export async function allergiesOf(db: Sql, patientId: string, status?: AllergyStatus): Promise<AllergyRow[]> {
  const { rows } = await db.query<StoredAllergy>(
    /* sql */ `SELECT ${COLUMNS} FROM prescriptions.allergies WHERE patient_id = $1 AND ($2::text IS NULL OR status = $2::text)
     ORDER BY recorded_at, allergy_id LIMIT 500`,
    [patientId, status ?? null],
  )
  return rows.map(toRow)
}
