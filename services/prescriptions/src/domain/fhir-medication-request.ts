import { z } from 'zod'
import { MalformedIntake, UnsupportedIntake, type ParsedOrder } from './intake.ts'
import { isIsoDate } from './prescription-rules.ts'
import type { ParsedAllergy } from './allergy.ts'
import { parseAllergyIntolerance } from './fhir-allergy-intolerance.ts'

/** FHIR code system of NDCs. */
export const NDC_SYSTEM = 'http://hl7.org/fhir/sid/ndc'
/** FHIR code system of RxNorm. */
export const RXNORM_SYSTEM = 'http://www.nlm.nih.gov/research/umls/rxnorm'
/** FHIR identifier system of US National Provider Identifiers. */
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi'
/** Most MedicationRequests one Bundle may hold (each asks the catalog for its drug). */
export const MAX_BUNDLE_REQUESTS = 200
/** Most AllergyIntolerances one Bundle may hold. */
export const MAX_BUNDLE_ALLERGIES = 200

const HISTORY_STATUSES = ['stopped', 'completed', 'cancelled', 'entered-in-error', 'expired']
const ORDER_INTENTS = ['order', 'original-order', 'reflex-order', 'filler-order', 'instance-order']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const Identifier = z.object({ system: z.string().optional(), value: z.string().optional() })
const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() })
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() })
const Reference = z.object({ reference: z.string().optional(), display: z.string().optional(), identifier: Identifier.optional() })
const Resource = z.looseObject({ resourceType: z.string(), id: z.string().optional() })

const MedicationRequest = z
  .object({
    resourceType: z.literal('MedicationRequest'),
    id: z.string().optional(),
    status: z.string().min(1),
    intent: z.string().min(1),
    subject: Reference,
    medicationCodeableConcept: CodeableConcept.optional(),
    medicationReference: Reference.optional(),
    requester: Reference.optional(),
    authoredOn: z.string().optional(),
    dosageInstruction: z.array(z.object({ text: z.string().optional(), patientInstruction: z.string().optional() })).optional(),
    dispenseRequest: z
      .object({
        quantity: z.object({ value: z.number().optional() }).optional(),
        numberOfRepeatsAllowed: z.number().optional(),
        expectedSupplyDuration: z.object({ value: z.number().optional(), code: z.string().optional() }).optional(),
        validityPeriod: z.object({ start: z.string().optional(), end: z.string().optional() }).optional(),
      })
      .optional(),
    contained: z.array(Resource).optional(),
  })
  .refine((m) => m.medicationCodeableConcept || m.medicationReference, {
    message: 'medicationCodeableConcept or medicationReference is required',
    path: ['medication[x]'],
  })
type MedicationRequest = z.infer<typeof MedicationRequest>

const Bundle = z.object({
  resourceType: z.literal('Bundle'),
  entry: z.array(z.object({ fullUrl: z.string().optional(), resource: Resource.optional() })).default([]),
})

type Lookup = (ref: string | undefined) => Record<string, unknown> | undefined

/** What a FHIR submission holds: orders (MedicationRequests) and allergies (AllergyIntolerances), and whether it was a Bundle. */
export interface ParsedFhir {
  orders: ParsedOrder[]
  allergies: ParsedAllergy[]
  bundle: boolean
}

/**
 * Reads a FHIR R4 MedicationRequest or AllergyIntolerance, or every one of them in a Bundle.
 * Throws MalformedIntake (400) for what is not well-formed, UnsupportedIntake (422) for other resources.
 */
export function parseFhir(body: unknown, today: string): ParsedFhir {
  const kind = Resource.safeParse(body)
  // JSON that is no FHIR resource at all is not one we take (422); a resource that breaks FHIR is malformed (400).
  if (!kind.success) throw new UnsupportedIntake('expected a FHIR resource: an object with a resourceType')
  if (kind.data.resourceType === 'MedicationRequest')
    return { orders: [toOrder(parse(MedicationRequest, body, ''), () => undefined, today)], allergies: [], bundle: false }
  if (kind.data.resourceType === 'AllergyIntolerance') return { orders: [], allergies: [parseAllergyIntolerance(body, '')], bundle: false }
  if (kind.data.resourceType !== 'Bundle')
    throw new UnsupportedIntake(
      `expected a MedicationRequest, an AllergyIntolerance or a Bundle, got ${kind.data.resourceType.slice(0, 60)}`,
    )
  const bundle = parse(Bundle, body, '')
  const byRef = new Map<string, Record<string, unknown>>()
  for (const e of bundle.entry) {
    if (!e.resource) continue
    if (e.fullUrl) byRef.set(e.fullUrl, e.resource)
    if (e.resource.id) byRef.set(`${e.resource.resourceType}/${e.resource.id}`, e.resource)
  }
  const of = (type: string) => bundle.entry.map((e, i) => [e, i] as const).filter(([e]) => e.resource?.resourceType === type)
  const requests = of('MedicationRequest')
  const allergies = of('AllergyIntolerance')
  if (requests.length === 0 && allergies.length === 0)
    throw new UnsupportedIntake('the Bundle holds no MedicationRequest or AllergyIntolerance')
  if (requests.length > MAX_BUNDLE_REQUESTS)
    throw new MalformedIntake('entry', `at most ${MAX_BUNDLE_REQUESTS} MedicationRequests per Bundle`)
  if (allergies.length > MAX_BUNDLE_ALLERGIES)
    throw new MalformedIntake('entry', `at most ${MAX_BUNDLE_ALLERGIES} AllergyIntolerances per Bundle`)
  const lookup: Lookup = (ref) => (ref ? byRef.get(ref) : undefined)
  return {
    orders: requests.map(([e, i]) => toOrder(parse(MedicationRequest, e.resource, `entry[${i}].resource.`), lookup, today)),
    allergies: allergies.map(([e, i]) => parseAllergyIntolerance(e.resource, `entry[${i}].resource.`)),
    bundle: true,
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.infer<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issue = r.error.issues[0]!
  throw new MalformedIntake(prefix + issue.path.map(String).join('.'), issue.message)
}

function toOrder(mr: MedicationRequest, inBundle: Lookup, today: string): ParsedOrder {
  const local: Lookup = (ref) => (ref?.startsWith('#') ? mr.contained?.find((c) => c.id === ref.slice(1)) : inBundle(ref))
  const notes: string[] = []
  const patient = patientId(mr.subject.reference)
  if (!patient) notes.push(`patient not matched: subject "${(mr.subject.reference ?? 'none').slice(0, 100)}" is not an Apotheca patient id`)
  const med = medication(mr, local)
  const issue = dateOf(mr.authoredOn)
  const expiry = dateOf(mr.dispenseRequest?.validityPeriod?.end)
  const history = historyReason(mr, expiry, today)
  if (!history && !['active', ...HISTORY_STATUSES].includes(mr.status))
    notes.push(`FHIR status is ${mr.status}: confirm with the prescriber`)
  const dosage =
    (mr.dosageInstruction ?? [])
      .map((d) => d.text ?? d.patientInstruction)
      .filter(Boolean)
      .join('; ') || null
  if (!dosage && !history) notes.push('no dosage instructions')
  const requester = mr.requester?.reference
  return {
    channel: 'fhir',
    patient_id: patient,
    prescriber_id:
      /^Practitioner\/[0-9a-f-]{36}$/i.test(requester ?? '') && UUID.test(requester!.slice(13)) ? requester!.slice(13).toLowerCase() : null,
    dosage,
    quantity: mr.dispenseRequest?.quantity?.value ?? null,
    refill_count: mr.dispenseRequest?.numberOfRepeatsAllowed ?? null,
    issue_date: issue,
    expiry_date: expiry,
    days_supply: supplyDays(mr.dispenseRequest?.expectedSupplyDuration),
    history,
    notes,
    source: { fhir_id: mr.id ?? null, ...med, prescriber_ref: requester ?? null, prescriber_npi: npi(mr, local) },
  }
}

/** Our patients are named `Patient/<uuid>`; anything else (bundle-local urn:uuid, other ids) needs matching. */
function patientId(ref: string | undefined): string | null {
  const m = /^Patient\/(.+)$/.exec(ref ?? '')
  return m && UUID.test(m[1]!) ? m[1]!.toLowerCase() : null
}

function historyReason(mr: MedicationRequest, expiry: string | null, today: string): string | null {
  if (HISTORY_STATUSES.includes(mr.status)) return `medication history (FHIR status ${mr.status})`
  if (!ORDER_INTENTS.includes(mr.intent)) return `medication history (FHIR intent ${mr.intent.slice(0, 40)} is not an order)`
  if (mr.status === 'active' && expiry && expiry < today) return `medication history (validity ended ${expiry})`
  return null
}

function medication(mr: MedicationRequest, local: Lookup) {
  const referenced = local(mr.medicationReference?.reference)
  const concept = mr.medicationCodeableConcept ?? CodeableConcept.safeParse(referenced?.code).data
  const code = (system: string) => concept?.coding?.find((c) => c.system === system && c.code)?.code?.slice(0, 40) ?? null
  const text = concept?.text ?? concept?.coding?.find((c) => c.display)?.display ?? mr.medicationReference?.display ?? null
  return { ndc: code(NDC_SYSTEM), rxnorm: code(RXNORM_SYSTEM), drug_text: text?.slice(0, 300) ?? null }
}

function npi(mr: MedicationRequest, local: Lookup): string | null {
  const ids = [mr.requester?.identifier, ...((local(mr.requester?.reference)?.identifier as unknown[] | undefined) ?? [])]
  for (const id of ids) {
    const p = Identifier.safeParse(id)
    if (p.success && p.data.system === NPI_SYSTEM && p.data.value) return p.data.value.slice(0, 20)
  }
  return null
}

/** A FHIR expected supply duration in whole days (UCUM d or wk), when it is one. */
function supplyDays(d: { value?: number | undefined; code?: string | undefined } | undefined): number | null {
  if (!d?.value) return null
  const days = d.code === 'wk' ? d.value * 7 : d.code === 'd' || d.code === undefined ? d.value : null
  return days !== null && Number.isInteger(days) ? days : null
}

/** The date part of a FHIR date or dateTime, when it is a real date. */
function dateOf(v: string | undefined): string | null {
  const d = v?.slice(0, 10)
  return d && isIsoDate(d) ? d : null
}
