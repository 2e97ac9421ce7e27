import type { PatientMedications } from '@apotheca/contracts'
import type { Sql } from '@apotheca/kernel'
import { patientMedicines, prescribersOf } from '../db/prescription.repository.ts'
import { utcToday } from '../domain/prescription-rules.ts'

/** Most medicines answered: far more than an interaction check (50 drugs) takes, newest first. */
const MAX_MEDICINES = 500

/**
 * A patient's medicines as DUR sees them (contracts' PatientMedications), for other services: the
 * catalog checks a new drug against them. An unknown patient simply has none (no 404: the caller
 * learns nothing it could not have guessed, and needs no special case).
 */
export async function readPatientMedications(db: Sql, patientId: string): Promise<PatientMedications> {
  const [rows, prescriber_ids] = await Promise.all([
    patientMedicines(db, patientId, { today: utcToday(), limit: MAX_MEDICINES }),
    prescribersOf(db, patientId),
  ])
  return {
    patient_id: patientId,
    medications: rows.map((r) => ({
      prescription_id: r.prescription_id,
      drug_id: r.drug_id!,
      status: r.status,
      active: r.status !== 'inactive',
    })),
    prescriber_ids,
  }
}
