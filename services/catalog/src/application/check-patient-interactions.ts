import { prescriptionsClient, ServiceCallError, type PatientMedications, type Role, type ServiceCaller } from '@apotheca/contracts'
import { notFound, Problem, type Logger, type Principal, type Sql } from '@apotheca/kernel'
import { findIngredientsByIds } from '../db/drug.repository.ts'
import type { ClassRule, DrugInteraction } from '../domain/interactions.ts'
import { interactionsAmong, knownDrugs } from './check-interactions.ts'

/** What the patient form of the check needs: the catalog's database and prescriptions over HTTP. */
export interface PatientCheckDeps {
  db: Sql
  services: ServiceCaller
  log: Logger
}

/** A pair of the patient form: drug_ids[1] is the patient's medicine when existing_prescription_ids is not empty. */
export type PatientInteraction = DrugInteraction & { existing_drug_id: string | null; existing_prescription_ids: string[] }

/**
 * Checks candidate drugs against a patient's active medicines and against each other. Only prescriptions in
 * force count: medication history is what the patient no longer takes (ADR 0005). Pairs among the existing
 * medicines are not repeated: they were reviewed when prescribed. Access as for the patient's records: a patient
 * only for themself, a practitioner only for a patient they prescribed for (else 404), staff for anyone.
 */
export async function checkPatientInteractions(
  deps: PatientCheckDeps,
  principal: Principal,
  patientId: string,
  candidateIds: string[],
  classRules: ClassRule[],
): Promise<{ patient_id: string; interactions: PatientInteraction[] }> {
  const id = patientId.toLowerCase()
  if (principal.role === 'patient' && principal.sub !== id) throw notFound('Patient')
  const meds = await medicationsOf(deps, id, principal)
  if (principal.role === 'practitioner' && !meds.prescriber_ids.includes(principal.sub)) throw notFound('Patient')
  const candidates = await knownDrugs(deps.db, candidateIds)
  const candidateSet = new Set(candidates.map((d) => d.drug_id))
  const active = meds.medications.filter((m) => m.active)
  // A medicine no longer in the catalog cannot be checked; drugs are never deleted, so this is a stale id at most.
  const existing = (await findIngredientsByIds(deps.db, [...new Set(active.map((m) => m.drug_id))])).filter(
    (d) => !candidateSet.has(d.drug_id),
  )
  // Candidates first, so a candidate × medicine pair names the candidate first and the medicine second.
  const pairs = await interactionsAmong(deps.db, [...candidates, ...existing], classRules)
  const prescriptionsOf = (drugId: string) => active.filter((m) => m.drug_id === drugId).map((m) => m.prescription_id)
  return {
    patient_id: id,
    interactions: pairs
      .filter((p) => candidateSet.has(p.drug_ids[0]))
      .map((p) => {
        const rx = prescriptionsOf(p.drug_ids[1])
        return { ...p, existing_drug_id: rx.length ? p.drug_ids[1] : null, existing_prescription_ids: rx }
      }),
  }
}

/**
 * The patient's medicines from prescriptions, asked on the caller's behalf (prescriptions applies its
 * access rule to them and audits the read; its 404 is ours); prescriptions down (unreachable, 5xx) → 503.
 */
async function medicationsOf(deps: PatientCheckDeps, patientId: string, reader: Principal): Promise<PatientMedications> {
  try {
    return await prescriptionsClient(deps.services).patientMedications(patientId, { actor_id: reader.sub, role: reader.role as Role })
  } catch (err) {
    if (err instanceof ServiceCallError && err.status === 404) throw notFound('Patient')
    if (err instanceof ServiceCallError && err.status < 500) throw err
    deps.log.warn(
      { dependency: 'prescriptions', err: err instanceof Error ? err.message.slice(0, 200) : String(err) },
      'dependency unavailable',
    )
    throw new Problem(503, 'dependency-unavailable', 'The prescriptions service is unavailable', 'retry shortly', {
      service: 'prescriptions',
    })
  }
}
