import type { DrugInteraction } from '@apotheca/contracts'
import type { Finding } from './findings.ts'
import { isControlled, type DeaSchedule } from './prescription-rules.ts'

/** A drug as DUR compares it: ingredients (lower case) and ATC codes. */
export interface DurDrug { drug_id: string; ingredients: string[]; atc_codes: string[] }

/** One of the patient's medicines: an open prescription or medication history (FHIR, inactive). */
export interface ActiveMedicine extends DurDrug { prescription_id: string; status: string }

/** What DUR checks: the new drug, what the patient takes, the catalog's interactions, the amounts. */
export interface DurInput {
  drug: DurDrug | null
  schedule: DeaSchedule | null
  quantity: number | null
  days_supply: number | null
  active: ActiveMedicine[]
  /** Interactions among the new drug and the active ones, or null when the checker could not be asked. */
  interactions: DrugInteraction[] | null
}

/** Most units a day we let through without a finding, and the longest supply (days). */
export const DAILY_UNITS_LIMIT = 12
/** Days' supply past which any prescription is flagged. */
export const MAX_DAYS_SUPPLY = 90
/** Days' supply past which a controlled substance is flagged (many states cap CII at 30). */
export const MAX_CONTROLLED_DAYS_SUPPLY = 30
/** Quantity past which a prescription without a days' supply is flagged. */
export const QUANTITY_LIMIT = 360

/** ATC level 4 (chemical/therapeutic subgroup, 5 characters): the same class twice is duplicate therapy. */
const atcClass = (code: string) => code.slice(0, 5).toUpperCase()

/**
 * Drug utilisation review, pure: interactions with the patient's medicines (as the catalog found
 * them), duplicate therapy (same ingredient, or same ATC subgroup) and dose and quantity limits.
 */
export function reviewDrugUse(i: DurInput): Finding[] {
  const out: Finding[] = []
  if (i.drug) out.push(...interactionFindings(i), ...duplicateFindings(i.drug, i.active))
  out.push(...amountFindings(i))
  return out
}

function interactionFindings(i: DurInput): Finding[] {
  if (i.active.length === 0) return []
  if (i.interactions === null) return [{ code: 'interaction_check_unavailable', severity: 'moderate', message: `interactions with ${i.active.length} other medicine(s) could not be checked: check them by hand` }]
  const byDrug = new Map(i.active.map((m) => [m.drug_id, m]))
  const out: Finding[] = []
  for (const x of i.interactions) {
    if (!x.drug_ids.includes(i.drug!.drug_id)) continue
    const other = x.drug_ids.find((d) => d !== i.drug!.drug_id)
    const med = other ? byDrug.get(other) : undefined
    if (!med) continue
    out.push({
      code: 'interaction',
      severity: x.severity,
      message: `${x.ingredients.join(' + ')}: ${x.description.slice(0, 300)} (${x.source}; with ${med.status === 'inactive' ? 'medication history' : 'an open prescription'})`,
      related: [med.prescription_id],
    })
  }
  return out
}

function duplicateFindings(drug: DurDrug, active: ActiveMedicine[]): Finding[] {
  const out: Finding[] = []
  const ingredients = new Set(drug.ingredients.map((s) => s.toLowerCase()))
  const classes = new Set(drug.atc_codes.map(atcClass))
  for (const m of active) {
    const same = m.ingredients.filter((s) => ingredients.has(s.toLowerCase()))
    if (same.length) {
      out.push({ code: 'duplicate_therapy', severity: 'moderate', message: `same ingredient already taken: ${same.join(', ')}`, related: [m.prescription_id] })
      continue
    }
    const cls = m.atc_codes.map(atcClass).filter((c) => classes.has(c))
    if (cls.length) out.push({ code: 'duplicate_therapy', severity: 'low', message: `same therapeutic class (ATC ${[...new Set(cls)].join(', ')}) already taken`, related: [m.prescription_id] })
  }
  return out
}

function amountFindings(i: DurInput): Finding[] {
  const out: Finding[] = []
  if (i.quantity === null) return out
  if (i.days_supply) {
    const perDay = i.quantity / i.days_supply
    if (perDay > DAILY_UNITS_LIMIT) out.push({ code: 'dose_limit', severity: 'high', message: `${perDay.toFixed(1)} units a day is above the ${DAILY_UNITS_LIMIT}-unit daily limit` })
    if (i.days_supply > MAX_DAYS_SUPPLY) out.push({ code: 'quantity_limit', severity: 'moderate', message: `${i.days_supply} days' supply is more than ${MAX_DAYS_SUPPLY}` })
    else if (isControlled(i.schedule) && i.days_supply > MAX_CONTROLLED_DAYS_SUPPLY) {
      out.push({ code: 'quantity_limit', severity: 'moderate', message: `${i.days_supply} days' supply of a schedule ${i.schedule} substance is more than ${MAX_CONTROLLED_DAYS_SUPPLY}` })
    }
  } else if (i.quantity > QUANTITY_LIMIT) {
    out.push({ code: 'quantity_limit', severity: 'moderate', message: `quantity ${i.quantity} is above ${QUANTITY_LIMIT} units` })
  }
  return out
}
