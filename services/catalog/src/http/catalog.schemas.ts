import { z } from 'zod'
import { DeaSchedule, parseNdc } from '@apotheca/contracts'

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const text = (max: number) => z.string().trim().min(1).max(max)

/** An NDC in any accepted form, parsed into the stored-form candidates; impossible codes fail here (query.ndc). */
const ndc = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const r = parseNdc(value)
    if (r.ok) return r.query
    ctx.addIssue({ code: 'custom', message: r.reason })
    return z.NEVER
  })

/** GET /drugs/search query string. */
export const SearchQuery = z
  .object({
    q: text(200).optional().describe('name, generic name, brand or ingredient; ranked, typo-tolerant'),
    ndc: ndc.optional().describe('NDC: 11-digit 5-4-2, 11 digits, any 10-digit form (4-4-2, 5-3-2, 5-4-1, plain), or a product code'),
    ingredient: text(200).optional().describe('active ingredient (salt forms match their base)'),
    rxcui: z
      .string()
      .trim()
      .regex(/^[0-9]{1,10}$/, 'an RxNorm concept id (RXCUI): 1 to 10 digits')
      .optional()
      .describe('RxNorm concept id: the products mapped to it, NADAC-priced first, then cheapest, then by NDC'),
    rx_only: flag.optional(),
    dosage_form: text(100).optional().describe('e.g. Oral Tablet (case-insensitive)'),
    route: text(100).optional().describe('e.g. Oral Pill, Injectable (case-insensitive)'),
    dea_schedule: DeaSchedule.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .refine((s) => s.q !== undefined || s.ndc !== undefined || s.ingredient !== undefined || s.rxcui !== undefined, {
    message: 'give at least one of q, ndc, ingredient or rxcui',
    path: ['q'],
  })

/** GET /drugs/{drugId} path. */
export const DrugParams = z.object({ drugId: z.uuid() })

/** GET /drugs/{drugId}/equivalents query string: a page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
})

/** POST /internal/interactions/check body. */
export const InteractionCheck = z.object({
  drug_ids: z.array(z.uuid()).min(2).max(50),
})

/** POST /interactions/check body: 2–50 drugs, or a patient and 1–50 candidate drugs checked against their active medicines. */
export const PatientInteractionCheck = z
  .object({
    patient_id: z.uuid().optional().describe("check the candidates against this patient's active medicines (from prescriptions)"),
    drug_ids: z.array(z.uuid()).min(1).max(50).describe('the drugs to check; with patient_id, the candidates'),
  })
  .refine((b) => b.patient_id !== undefined || b.drug_ids.length >= 2, {
    message: 'give 2 to 50 drug_ids, or a patient_id with 1 to 50 candidate drug_ids',
    path: ['drug_ids'],
  })

/** POST /catalog/imports body. */
export const ImportRequest = z
  .object({ force: z.boolean().default(false).describe('re-import even when the files are unchanged') })
  .default({ force: false })
