import { meaningOf } from './allergens.ts'

/** Where an allergy stands (FHIR clinical and verification status in one): only `active` is checked. */
export type AllergyStatus = 'active' | 'inactive' | 'resolved' | 'refuted' | 'entered-in-error'
/** FHIR AllergyIntolerance criticality: the potential for a serious reaction. */
export const CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const
/** One of CRITICALITIES. */
export type Criticality = (typeof CRITICALITIES)[number]

/** An allergy ready to be recorded: the substance as recorded, what it means for matching, and who recorded it. */
export interface AllergyDraft {
  patient_id: string | null
  /** `Patient/<id>` of our patient, or the reference a FHIR sender used when it is not one. */
  patient_ref: string
  substance_system: string | null
  substance_code: string | null
  substance_display: string
  categories: string[]
  ingredients: string[]
  atc_prefixes: string[]
  criticality: Criticality | null
  status: AllergyStatus
  source: 'fhir' | 'manual'
  source_fhir_id: string | null
  recorded_by: string
}

/** An allergy read from a FHIR resource, before we know who sent it. */
export type ParsedAllergy = Omit<AllergyDraft, 'recorded_by'>

/** What a patient, their prescriber or a pharmacist says the patient is allergic to. */
export interface AllergyInput {
  substance: string
  code?: string | undefined
  system?: string | undefined
  criticality?: Criticality | undefined
}

/** An allergy entered by hand: active, its meaning taken from the substance's name. */
export function manualAllergy(patientId: string, a: AllergyInput, recordedBy: string): AllergyDraft {
  return {
    patient_id: patientId,
    patient_ref: `Patient/${patientId}`,
    substance_system: a.system ?? null,
    substance_code: a.code ?? null,
    substance_display: a.substance,
    categories: [],
    ...meaningOf(a.substance),
    criticality: a.criticality ?? null,
    status: 'active',
    source: 'manual',
    source_fhir_id: null,
    recorded_by: recordedBy,
  }
}
