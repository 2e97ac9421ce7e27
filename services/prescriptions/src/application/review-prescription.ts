import { catalogClient, identityClient, type Drug, type DrugInteraction } from '@apotheca/contracts'
import type { HandlerTools } from '@apotheca/kernel'
import { reviewDrugUse, type ActiveMedicine, type DurDrug, type PatientAllergy } from '../domain/dur.ts'
import { isBlocked, type Finding } from '../domain/findings.ts'
import { utcToday, type DeaSchedule } from '../domain/prescription-rules.ts'
import { validatePrescription, type PrescriberRecord } from '../domain/validation.ts'
import { findPrescription, patientMedicines, lockPrescription, type PrescriptionRow } from '../db/prescription.repository.ts'
import { allergiesOf } from '../db/allergy.repository.ts'
import { move } from './record-prescriptions.ts'
import type { PrescriptionsDeps } from './deps.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ACTOR = 'system:review'
/** Most of the patient's other medicines whose missing ingredients are fetched from the catalog. */
const MAX_FETCHED = 20
/** Most of the patient's other medicines compared: with the new drug, the catalog checks at most 50. */
const MAX_COMPARED = 49

type DrugAnswer = { kind: 'found'; drug: Drug } | { kind: 'unknown' } | { kind: 'unavailable' }

/**
 * The automated review of a received prescription, run by the review consumer: it asks the catalog
 * (drug, interactions) and identity (prescriber) first, then, in one transaction that also records
 * the event in the inbox, moves received → validating → in_review with its findings, or → rejected
 * when validation found the prescription breaks the law. Anything not `received` is left alone.
 */
export async function reviewPrescription(
  deps: PrescriptionsDeps,
  prescriptionId: string,
  transaction: HandlerTools['transaction'],
): Promise<void> {
  const p = await findPrescription(deps.db, prescriptionId)
  if (!p || p.status !== 'received') {
    await transaction(async () => undefined)
    return
  }
  const [drug, prescriber] = await Promise.all([askDrug(deps, p.drug_id), askPrescriber(deps, p.prescriber_id)])
  const found = drug.kind === 'found' ? drug.drug : null
  const dur =
    p.patient_id && found ? await gatherDur(deps, p, found) : { active: [], interactions: [] as DrugInteraction[] | null, allergies: [] }
  await transaction(async (tx) => {
    const row = await lockPrescription(tx, prescriptionId)
    if (!row || row.status !== 'received') return
    const schedule: DeaSchedule | null = found ? found.dea_schedule : row.dea_schedule
    const drugSet = found
      ? { drug_confirmed: true, dea_schedule: found.dea_schedule, ingredients: found.active_ingredients, atc_codes: found.atc_codes }
      : {}
    const validating = await move(
      deps.publish,
      tx,
      row,
      'validate',
      'checking the prescriber, the dates and the law of its schedule',
      ACTOR,
      drugSet,
    )
    const validation = validatePrescription(
      {
        issue_date: row.issue_date,
        expiry_date: row.expiry_date,
        quantity: row.quantity,
        refill_count: row.refill_count,
        prescriber_npi: row.prescriber_npi,
        schedule,
        drug_confirmed: found !== null || row.drug_confirmed,
      },
      prescriber,
      utcToday(),
    )
    const reviewed_at = new Date().toISOString()
    if (isBlocked(validation)) {
      const why = validation
        .filter((f) => f.severity === 'blocking')
        .map((f) => f.message)
        .join('; ')
      await move(deps.publish, tx, validating, 'refuse', `rejected by validation: ${why}`.slice(0, 1000), ACTOR, {
        findings: validation,
        reviewed_at,
      })
      return
    }
    const findings: Finding[] = [
      ...validation,
      ...reviewDrugUse({
        drug: found ? durDrug(found) : null,
        schedule,
        quantity: row.quantity,
        days_supply: row.days_supply,
        active: dur.active,
        interactions: dur.interactions,
        allergies: dur.allergies,
      }),
    ]
    await move(deps.publish, tx, validating, 'queue', queueReason(findings), ACTOR, { findings, reviewed_at })
  })
}

function queueReason(findings: Finding[]): string {
  const serious = findings.filter((f) => f.severity !== 'info').length
  return serious
    ? `awaiting pharmacist verification (${serious} finding${serious > 1 ? 's' : ''} to override or reject)`
    : 'awaiting pharmacist verification'
}

const durDrug = (d: Drug): DurDrug => ({ drug_id: d.drug_id, ingredients: d.active_ingredients, atc_codes: d.atc_codes })

async function askDrug(deps: PrescriptionsDeps, drugId: string | null): Promise<DrugAnswer> {
  if (!drugId) return { kind: 'unknown' }
  try {
    const drug = await catalogClient(deps.services).getDrug(drugId)
    return drug ? { kind: 'found', drug } : { kind: 'unknown' }
  } catch (err) {
    deps.log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'catalog unavailable for review')
    return { kind: 'unavailable' }
  }
}

async function askPrescriber(deps: PrescriptionsDeps, prescriberId: string | null): Promise<PrescriberRecord> {
  if (!prescriberId || !UUID.test(prescriberId)) return { kind: 'none' }
  try {
    const r = await identityClient(deps.services).getPractitioner(prescriberId)
    return r
      ? { kind: 'found', npi: r.npi, dea_number: r.dea_number, licence_state: r.licence_state, dea_schedules: r.dea_schedules }
      : { kind: 'unknown' }
  } catch (err) {
    deps.log.warn({ service: 'identity', err: (err as Error).message.slice(0, 200) }, 'identity unavailable for the prescriber')
    return { kind: 'unavailable' }
  }
}

type DurFacts = { active: ActiveMedicine[]; interactions: DrugInteraction[] | null; allergies: PatientAllergy[] }

/** The patient's active allergies, other medicines (ingredients filled in from the catalog where missing) and their interactions with the new drug. */
async function gatherDur(deps: PrescriptionsDeps, p: PrescriptionRow, drug: Drug): Promise<DurFacts> {
  const allergies = (await allergiesOf(deps.db, p.patient_id!, 'active')).map((a) => ({
    allergy_id: a.allergy_id,
    substance: a.substance_display,
    criticality: a.criticality,
    ingredients: a.ingredients,
    atc_prefixes: a.atc_prefixes,
  }))
  return { ...(await gatherMedicines(deps, p, drug)), allergies }
}

async function gatherMedicines(deps: PrescriptionsDeps, p: PrescriptionRow, drug: Drug): Promise<Omit<DurFacts, 'allergies'>> {
  const rows = await patientMedicines(deps.db, p.patient_id!, { exceptId: p.prescription_id, today: utcToday(), limit: MAX_COMPARED })
  const active: ActiveMedicine[] = []
  let fetched = 0
  for (const r of rows) {
    let ingredients = r.ingredients
    let atc = r.atc_codes
    if (!ingredients && fetched++ < MAX_FETCHED) {
      const d = await askDrug(deps, r.drug_id)
      if (d.kind === 'found') {
        ingredients = d.drug.active_ingredients
        atc = d.drug.atc_codes
      }
    }
    active.push({
      prescription_id: r.prescription_id,
      status: r.status,
      drug_id: r.drug_id!,
      ingredients: ingredients ?? [],
      atc_codes: atc ?? [],
    })
  }
  const others = [...new Set(active.map((m) => m.drug_id).filter((id) => id !== drug.drug_id))]
  if (others.length === 0) return { active, interactions: [] }
  try {
    return { active, interactions: await catalogClient(deps.services).checkInteractions([drug.drug_id, ...others]) }
  } catch (err) {
    deps.log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'interaction check unavailable')
    return { active, interactions: null }
  }
}
