import { z } from 'zod'
import { DeaSchedule, parseNdc, type NdcQuery } from '@apotheca/contracts'
import { Problem } from '@apotheca/kernel'
import type { DrugSearch } from '../domain/drug.ts'
import { NDC_PATTERN, padded, trimmedText } from './patterns.ts'

/**
 * Request schemas of the catalog routes. Each rule the server applies is one the document states
 * (patterns.ts), so a request the schema allows is never a 400: query integers are canonical decimal
 * text (`?limit=` or `?limit=0x10` is a 400), free text is 1 to n characters once trimmed.
 */

/** A query-string integer from `min` to `max`: digits only, no sign, no leading zero, no blank. */
const queryInt = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && /^(?:0|[1-9][0-9]*)$/.test(v) ? Number(v) : v), z.int().min(min).max(max))

/** Text of 1 to `max` characters once trimmed (and trimmed). */
const text = (max: number) =>
  z
    .string()
    .regex(new RegExp(trimmedText(max), 'u'), `must be 1 to ${max} characters, not blank`)
    .trim()

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

const SEARCH_CRITERIA = ['q', 'ndc', 'ingredient', 'rxcui'] as const

/** GET /drugs/search query string. */
export const SearchQuery = z.object({
  q: text(200)
    .optional()
    .meta({ description: 'Name, generic name, brand or ingredient; ranked, typo-tolerant', examples: ['amoxicillin'] }),
  ndc: z
    .string()
    .max(40)
    .regex(
      new RegExp(NDC_PATTERN, 'u'),
      'expected an NDC such as 00002-0800-01, 0002-0800-01, 00002080001, or a product code such as 0002-0800',
    )
    .transform(ndcQuery)
    .optional()
    .meta({
      description:
        'NDC: 11-digit 5-4-2, 11 digits, any 10-digit form (4-4-2, 5-3-2, 5-4-1, plain), a UPC-A barcode, or a product code (5-4, 4-4, 5-3, 9 or 8 digits)',
      examples: ['00093-2263-01'],
    }),
  ingredient: text(200)
    .optional()
    .meta({ description: 'Active ingredient (salt forms match their base)', examples: ['sertraline'] }),
  rxcui: z
    .string()
    .regex(new RegExp(padded('[0-9]{1,10}'), 'u'), 'an RxNorm concept id (RXCUI): 1 to 10 digits')
    .trim()
    .optional()
    .meta({
      description: 'RxNorm concept id: the products mapped to it, NADAC-priced first, then cheapest, then by NDC',
      examples: ['308192'],
    }),
  rx_only: flag.optional().meta({ description: 'Prescription-only (true) or over the counter (false)' }),
  dosage_form: text(100).optional().meta({ description: 'e.g. Oral Tablet (case-insensitive)' }),
  route: text(100).optional().meta({ description: 'e.g. Oral Pill, Injectable (case-insensitive)' }),
  dea_schedule: DeaSchedule.optional(),
  limit: queryInt(1, 100).default(20).meta({ description: 'At most this many drugs (default 20)' }),
  offset: queryInt(0, 10_000).default(0).meta({ description: 'Drugs skipped before the page (default 0)' }),
})

/** The stored-form candidates of an NDC the pattern allowed; a barcode whose check digit fails is one no package carries. */
function ndcQuery(text: string): NdcQuery {
  const parsed = parseNdc(text)
  return parsed.ok ? parsed.query : { kind: 'package', codes: [] }
}

/**
 * A search needs one criterion: q, ndc, ingredient or rxcui. Query parameters cannot state that in
 * OpenAPI, so it is a 422 naming query.q, not a 400.
 */
export function requireCriterion(search: DrugSearch): DrugSearch {
  if (SEARCH_CRITERIA.some((k) => search[k] !== undefined)) return search
  const message = 'give at least one of q, ndc, ingredient or rxcui'
  throw new Problem(422, 'search-criterion-required', 'A search needs a criterion', message, { errors: [{ field: 'query.q', message }] })
}

/** GET /drugs/{drugId} path. */
export const DrugParams = z.object({ drugId: z.uuid().meta({ examples: ['c000668e-ed9d-542f-9077-c90cc7c5d14d'] }) })

/** GET /drugs/{drugId}/equivalents query string: a page. */
export const PageQuery = z.object({
  limit: queryInt(1, 100).default(20).meta({ description: 'At most this many drugs (default 20)' }),
  offset: queryInt(0, 10_000).default(0).meta({ description: 'Drugs skipped before the page (default 0)' }),
})

const SERTRALINE = '27a0870b-3da0-54e4-b3b9-4aa79efff36c'
const PHENELZINE = '357ee3b7-73d5-543b-ae46-46134989de6c'

/** POST /internal/interactions/check body. */
export const InteractionCheck = z
  .strictObject({ drug_ids: z.array(z.uuid()).min(2).max(50) })
  .meta({ examples: [{ drug_ids: [SERTRALINE, PHENELZINE] }] })

/**
 * POST /interactions/check body: 2–50 drugs, or a patient and 1–50 candidate drugs checked against their
 * active medicines. The anyOf states the refinement in the document. Bodies are strict: a field the schema
 * does not name is a 400, so no part of a body is outside the schema (the kernel refuses NUL in all of it).
 */
export const PatientInteractionCheck = z
  .strictObject({
    patient_id: z
      .uuid()
      .optional()
      .meta({ description: "Check the candidates against this patient's active medicines (from prescriptions)" }),
    drug_ids: z.array(z.uuid()).min(1).max(50).meta({ description: 'The drugs to check; with patient_id, the candidates' }),
  })
  .refine((b) => b.patient_id !== undefined || b.drug_ids.length >= 2, {
    message: 'give 2 to 50 drug_ids, or a patient_id with 1 to 50 candidate drug_ids',
    path: ['drug_ids'],
  })
  .meta({
    anyOf: [{ required: ['patient_id'] }, { properties: { drug_ids: { minItems: 2 } } }],
    examples: [{ drug_ids: [SERTRALINE, PHENELZINE] }],
  })

/** POST /catalog/imports body: required, so that an empty POST starts nothing by accident. */
export const ImportRequest = z
  .strictObject({
    force: z
      .boolean()
      .default(false)
      .meta({ description: 'Re-import even the files whose sha256 equals their last import (default false)' }),
  })
  .meta({
    description: 'A JSON object: `{}` imports the shipped files that changed since their last import, `{"force": true}` all of them',
    examples: [{ force: false }],
  })
