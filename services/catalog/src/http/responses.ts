import { z } from 'zod'
import { DeaSchedule } from '@apotheca/contracts'

/** Answers of the catalog as they are on the wire. */

const NullableText = z.string().nullable()

/** A drug: the contracts `Drug` plus the codes and brand a pharmacy looks at (price in US cents). */
export const DrugAnswer = z
  .strictObject({
    drug_id: z.uuid(),
    name: z.string(),
    nonproprietary_name: NullableText,
    brand_name: NullableText,
    ndc_code: z
      .string()
      .regex(/^[0-9]{5}-[0-9]{4}-[0-9]{2}$/)
      .meta({ description: 'The package NDC, 11 digits 5-4-2' }),
    ndc_package_hyphenated: NullableText.meta({ description: 'The package NDC as the labeler writes it' }),
    product_ndc: NullableText,
    manufacturer: NullableText,
    description: NullableText,
    strength: NullableText,
    dosage_form: NullableText,
    route: NullableText,
    active_ingredients: z.array(z.string()),
    rx_only: z.boolean(),
    dea_schedule: DeaSchedule.nullable(),
    price: z.strictObject({ amount: z.int().min(0), currency: z.literal('USD') }),
    rxcui: NullableText.meta({ description: 'RxNorm concept id of the product' }),
    atc_codes: z.array(z.string()).meta({ description: 'WHO ATC codes' }),
  })
  .meta({
    examples: [
      {
        drug_id: 'c000668e-ed9d-542f-9077-c90cc7c5d14d',
        name: 'Amoxicillin 500 MG Oral Tablet',
        nonproprietary_name: 'Amoxicillin',
        brand_name: null,
        ndc_code: '00093-2263-01',
        ndc_package_hyphenated: '0093-2263-01',
        product_ndc: '0093-2263',
        manufacturer: null,
        description: 'Amoxicillin 500 MG Oral Tablet',
        strength: '500 mg',
        dosage_form: 'Oral Tablet',
        route: 'Oral Pill',
        active_ingredients: ['amoxicillin'],
        rx_only: true,
        dea_schedule: null,
        price: { amount: 1500, currency: 'USD' },
        rxcui: '308192',
        atc_codes: ['J01CA04'],
      },
    ],
  })

const Count = z.int().min(0)

/** GET /drugs/search: a page of drugs, how many matched in all, and the page asked for. */
export const SearchAnswer = z.strictObject({ results: z.array(DrugAnswer), total: Count, limit: z.int(), offset: z.int() })

/** GET /drugs/{drugId}/equivalents: the drug asked about and a page of its equivalents. */
export const EquivalentsAnswer = z.strictObject({
  drug_id: z.uuid(),
  results: z.array(DrugAnswer),
  total: Count,
  limit: z.int(),
  offset: z.int(),
})

/** Two of a kind, in the pair's order (an array of two: OpenAPI tools read tuples unevenly). */
const Pair = <T extends z.ZodType>(item: T) => z.array(item).length(2)

/** One interacting pair: the two drugs, their ingredients that interact, the rule's severity and source. */
const Interaction = {
  drug_ids: Pair(z.uuid()),
  ingredients: Pair(z.string()),
  severity: z.enum(['high', 'moderate', 'low']),
  description: z.string(),
  source: z.string(),
}
const INTERACTION_EXAMPLE = {
  drug_ids: ['27a0870b-3da0-54e4-b3b9-4aa79efff36c', '357ee3b7-73d5-543b-ae46-46134989de6c'],
  ingredients: ['sertraline', 'phenelzine'],
  severity: 'high',
  description: 'ONC high-priority DDI: Sertraline × Phenelzine',
  source: 'onc_high_priority',
}

/** The check of 2–50 drugs: every interacting pair, strongest first. */
export const InteractionsAnswer = z
  .strictObject({ interactions: z.array(z.strictObject(Interaction)) })
  .meta({ examples: [{ interactions: [INTERACTION_EXAMPLE] }] })

/** The patient form: pairs among the candidates and between a candidate (first) and a medicine the patient takes. */
export const PatientInteractionsAnswer = z.strictObject({
  patient_id: z.uuid(),
  interactions: z.array(
    z.strictObject({
      ...Interaction,
      existing_drug_id: z
        .uuid()
        .nullable()
        .meta({ description: "The patient's medicine in the pair (drug_ids[1]), or null for two candidates" }),
      existing_prescription_ids: z.array(z.uuid()).meta({ description: 'The active prescriptions of that medicine' }),
    }),
  ),
})

/** What one file's import did; `unchanged` when the same file (by sha256) was already imported. */
export const ImportsAnswer = z
  .strictObject({
    imports: z.array(
      z.strictObject({
        source: z.string(),
        status: z.enum(['imported', 'unchanged']),
        import_id: z.uuid().nullable(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        rows_read: Count,
        upserted: Count,
        skipped: Count,
        ms: Count,
      }),
    ),
  })
  .meta({
    examples: [
      {
        imports: [
          {
            source: 'drugs.tsv.gz',
            status: 'unchanged',
            import_id: null,
            sha256: '9f2c0d4b6a8e1f3c5d7b9a0e2c4f6d8b1a3c5e7f9d0b2a4c6e8f1d3b5a7c9e0f',
            rows_read: 0,
            upserted: 0,
            skipped: 0,
            ms: 4,
          },
        ],
      },
    ],
  })
