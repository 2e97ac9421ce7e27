import { z } from 'zod'
import { meaningOf } from './allergens.ts'
import { CRITICALITIES, type AllergyStatus, type ParsedAllergy } from './allergy.ts'
import { MalformedIntake } from './intake.ts'

const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() })
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() })

const AllergyIntolerance = z.object({
  resourceType: z.literal('AllergyIntolerance'),
  id: z.string().max(200).optional(),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  category: z.array(z.string()).optional(),
  criticality: z.enum(CRITICALITIES).optional(),
  code: CodeableConcept,
  patient: z.object({ reference: z.string().min(1) }),
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CLINICAL = ['active', 'inactive', 'resolved']

/**
 * Reads a FHIR R4 AllergyIntolerance: the substance as coded, its status, and what it means for
 * matching drugs (non-drug categories mean nothing). A patient that is not `Patient/<our uuid>` is
 * kept by reference. Throws MalformedIntake (400) when it is not well-formed; `at` prefixes the field.
 */
export function parseAllergyIntolerance(value: unknown, at: string): ParsedAllergy {
  const r = AllergyIntolerance.safeParse(value)
  if (!r.success) {
    const issue = r.error.issues[0]!
    throw new MalformedIntake(at + issue.path.map(String).join('.'), issue.message)
  }
  const a = r.data
  const coding = a.code.coding?.find((c) => c.code && c.display) ?? a.code.coding?.find((c) => c.code)
  const display = (a.code.text ?? coding?.display ?? a.code.coding?.find((c) => c.display)?.display)?.trim().slice(0, 300)
  if (!display) throw new MalformedIntake(`${at}code`, 'the substance needs a text or a display')
  const ref = a.patient.reference.slice(0, 200)
  const m = /^Patient\/(.+)$/.exec(ref)
  const patient = m && UUID.test(m[1]!) ? m[1]!.toLowerCase() : null
  const categories = (a.category ?? []).slice(0, 4).map((c) => c.slice(0, 20))
  return {
    patient_id: patient,
    patient_ref: patient ? `Patient/${patient}` : ref,
    substance_system: coding?.system?.slice(0, 200) ?? null,
    substance_code: coding?.code?.slice(0, 100) ?? null,
    substance_display: display,
    categories,
    ...meaningOf(display, categories),
    criticality: a.criticality ?? null,
    status: statusOf(a.clinicalStatus, a.verificationStatus),
    source: 'fhir',
    source_fhir_id: a.id ?? null,
  }
}

/** Refuted or entered in error wins over the clinical status; no status at all is taken as active. */
function statusOf(
  clinical: z.infer<typeof CodeableConcept> | undefined,
  verification: z.infer<typeof CodeableConcept> | undefined,
): AllergyStatus {
  const v = verification?.coding?.map((c) => c.code).find((c) => c === 'refuted' || c === 'entered-in-error')
  if (v) return v as AllergyStatus
  const c = clinical?.coding?.map((x) => x.code).find((x) => x && CLINICAL.includes(x))
  return (c as AllergyStatus | undefined) ?? 'active'
}
