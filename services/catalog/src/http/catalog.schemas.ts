import { z } from 'zod'
import { DeaSchedule } from '@apotheca/contracts'
import { parseNdc } from '../domain/ndc.ts'

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const text = (max: number) => z.string().trim().min(1).max(max)

/** An NDC in any accepted form, parsed into the stored-form candidates; impossible codes fail here (query.ndc). */
const ndc = z.string().max(40).transform((value, ctx) => {
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
    rx_only: flag.optional(),
    dosage_form: text(100).optional().describe('e.g. Oral Tablet (case-insensitive)'),
    route: text(100).optional().describe('e.g. Oral Pill, Injectable (case-insensitive)'),
    dea_schedule: DeaSchedule.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(10_000).default(0),
  })
  .refine((s) => s.q !== undefined || s.ndc !== undefined || s.ingredient !== undefined, {
    message: 'give at least one of q, ndc or ingredient',
    path: ['q'],
  })

/** GET /drugs/{drugId} path. */
export const DrugParams = z.object({ drugId: z.uuid() })

/** GET /drugs/{drugId}/equivalents query string: a page. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
})

/** POST /interactions/check body. */
export const InteractionCheck = z.object({
  drug_ids: z.array(z.uuid()).min(2).max(50),
})

/** POST /catalog/imports body. */
export const ImportRequest = z
  .object({ force: z.boolean().default(false).describe('re-import even when the files are unchanged') })
  .default({ force: false })
