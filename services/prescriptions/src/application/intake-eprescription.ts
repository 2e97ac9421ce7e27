import { Problem, forbidden, idempotent, type Answer, type Principal } from '@apotheca/kernel'
import { parseFhir } from '../domain/fhir-medication-request.ts'
import { parseScriptMessage, type ScriptMessage } from '../domain/ncpdp-messages.ts'
import { receiveNcpdpMessage } from './receive-ncpdp-message.ts'
import { MalformedIntake, UnsupportedIntake, draftFromOrder, type DrugLookup, type ParsedOrder } from '../domain/intake.ts'
import { utcToday } from '../domain/prescription-rules.ts'
import type { ParsedAllergy } from '../domain/allergy.ts'
import { lookupDrugByCode } from './resolve-drug.ts'
import { recordDrafts, type Recorded } from './record-prescriptions.ts'
import { recordAllergies } from './record-allergies.ts'
import { allergyView } from './list-allergies.ts'
import type { PrescriptionsDeps } from './deps.ts'

/** The content types of e-prescriptions: FHIR R4 JSON and NCPDP SCRIPT XML. */
export const EPRESCRIPTION_TYPES = ['application/fhir+json', 'application/xml', 'text/xml']

/** Who sent an e-prescription: a signed-in prescriber or staff member, or the e-prescribing network (signed). */
const NETWORK_ACTOR = 'epcs-network'

/**
 * Takes a FHIR MedicationRequest or AllergyIntolerance (or a Bundle of them) or an NCPDP NewRx (CancelRx,
 * RxRenewalResponse and RxChangeResponse go to receiveNcpdpMessage, once each by MessageID). Every
 * well-formed order is recorded: active ones go to the pharmacist's queue, history is kept as inactive,
 * and what cannot be resolved (patient, drug, missing fields) becomes notes for the pharmacist, not a
 * refusal. Allergies are recorded first, so the review of the orders that came with them sees them.
 */
export async function intakeEPrescription(
  deps: PrescriptionsDeps,
  principal: Principal | null,
  req: { contentType: string; body: unknown; rawBody: string | undefined },
  idempotencyKey: string | undefined,
): Promise<Answer> {
  if (principal?.role === 'patient') throw forbidden('E-prescriptions come from prescribers; a patient uploads a prescription as JSON')
  const parsed = parse(req.contentType, req.body, req.rawBody ?? '')
  const actor = principal?.sub ?? NETWORK_ACTOR
  if ('message' in parsed) return receiveNcpdpMessage(deps, parsed.message, actor)
  const { orders, allergies, bundle } = parsed
  return idempotent(deps.db, 'prescriptions', `intake:${actor}`, idempotencyKey, req.rawBody ?? '', async () => {
    const lookups = new Map<string, DrugLookup>()
    const drafts = []
    const today = utcToday()
    for (const o of orders) {
      if (principal?.role === 'practitioner' && !o.prescriber_id) o.prescriber_id = principal.sub
      drafts.push(draftFromOrder(o, await lookup(deps, lookups, o), today, principal?.sub ?? null))
    }
    const noted = (
      await recordAllergies(
        deps,
        allergies.map((a) => ({ ...a, recorded_by: actor })),
      )
    ).map(allergyView)
    const recorded = drafts.length ? await recordDrafts(deps, drafts, actor) : []
    if (bundle) return { status: 201, body: { prescriptions: recorded.map(summary), allergies: noted } }
    if (noted.length) return { status: 201, body: noted[0] }
    return { status: recorded[0]!.duplicate ? 200 : 201, body: summary(recorded[0]!) }
  })
}

type Parsed =
  { orders: ParsedOrder[]; allergies: ParsedAllergy[]; bundle: boolean } | { message: Exclude<ScriptMessage, { kind: 'NewRx' }> }

function parse(contentType: string, body: unknown, raw: string): Parsed {
  try {
    if (contentType === 'application/fhir+json') return parseFhir(body, utcToday())
    const m = parseScriptMessage(raw)
    return m.kind === 'NewRx' ? { orders: [m.order], allergies: [], bundle: false } : { message: m }
  } catch (err) {
    if (err instanceof MalformedIntake) {
      throw new Problem(400, 'malformed-eprescription', 'The e-prescription is not well-formed', `${err.field}: ${err.message}`, {
        errors: [{ field: err.field, message: err.message }],
      })
    }
    if (err instanceof UnsupportedIntake) throw new Problem(422, 'unsupported-eprescription', 'Not an e-prescription we take', err.message)
    throw err
  }
}

async function lookup(deps: PrescriptionsDeps, cache: Map<string, DrugLookup>, o: ParsedOrder): Promise<DrugLookup> {
  const key = o.source.ndc ?? (o.source.rxnorm ? `rxcui:${o.source.rxnorm}` : '')
  const hit = key ? cache.get(key) : undefined
  if (hit) return hit
  const r = await lookupDrugByCode(deps.services, deps.log, o.source)
  if (key) cache.set(key, r)
  return r
}

function summary(r: Recorded) {
  return {
    prescription_id: r.row.prescription_id,
    status: r.row.status,
    ...(r.row.review_notes.length ? { notes: r.row.review_notes } : {}),
    ...(r.duplicate ? { duplicate: true } : {}),
  }
}
