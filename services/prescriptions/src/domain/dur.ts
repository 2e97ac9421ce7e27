import type { DrugInteraction } from '@apotheca/contracts'
import type { Finding } from './findings.ts'
import { isControlled, type DeaSchedule } from './prescription-rules.ts'
import { sameSubstance } from './allergens.ts'

/** A drug as DUR compares it: ingredients (lower case) and ATC codes. */
export interface DurDrug {
  drug_id: string
  ingredients: string[]
  atc_codes: string[]
}

/** One of the patient's medicines: an open prescription or medication history (FHIR, inactive). */
export interface ActiveMedicine extends DurDrug {
  prescription_id: string
  status: string
}

/** An active allergy of the patient, with what it means for matching (allergens.ts). */
export interface PatientAllergy {
  allergy_id: string
  substance: string
  criticality: string | null
  ingredients: string[]
  atc_prefixes: string[]
}

/** What DUR checks: the new drug, what the patient takes and is allergic to, the catalog's interactions, the amounts. */
export interface DurInput {
  drug: DurDrug | null
  schedule: DeaSchedule | null
  quantity: number | null
  days_supply: number | null
  active: ActiveMedicine[]
  /** Interactions among the new drug and the active ones, or null when the checker could not be asked. */
  interactions: DrugInteraction[] | null
  /** The patient's active allergies. */
  allergies: PatientAllergy[]
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
 * Drug utilisation review, pure: the patient's allergies, interactions with their medicines (as the
 * catalog found them), duplicate therapy (same ingredient, or same ATC subgroup) and dose and quantity limits.
 */
export function reviewDrugUse(i: DurInput): Finding[] {
  const out: Finding[] = []
  if (i.drug) out.push(...allergyFindings(i.drug, i.allergies), ...interactionFindings(i), ...duplicateFindings(i.drug, i.active))
  out.push(...amountFindings(i))
  return out
}

/** An allergy naming an ingredient of the drug, or its class by ATC prefix, is always serious: the pharmacist overrides or rejects. */
function allergyFindings(drug: DurDrug, allergies: PatientAllergy[]): Finding[] {
  const out: Finding[] = []
  for (const a of allergies) {
    const ingredients = drug.ingredients.filter((i) => a.ingredients.some((x) => sameSubstance(i, x)))
    const atc = drug.atc_codes.filter((c) => a.atc_prefixes.some((p) => c.toUpperCase().startsWith(p)))
    if (!ingredients.length && !atc.length) continue
    const why = ingredients.length ? `it contains ${ingredients.join(', ')}` : `it is of the same class (ATC ${atc.join(', ')})`
    const criticality = a.criticality ? `, criticality ${a.criticality}` : ''
    out.push({
      code: 'allergy',
      severity: 'high',
      message: `recorded allergy to ${a.substance.slice(0, 200)}${criticality}: ${why}`,
      related: [a.allergy_id],
    })
  }
  return out
}

function interactionFindings(i: DurInput): Finding[] {
  if (i.active.length === 0) return []
  if (i.interactions === null)
    return [
      {
        code: 'interaction_check_unavailable',
        severity: 'moderate',
        message: `interactions with ${i.active.length} other medicine(s) could not be checked: check them by hand`,
      },
    ]
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
      out.push({
        code: 'duplicate_therapy',
        severity: 'moderate',
        message: `same ingredient already taken: ${same.join(', ')}`,
        related: [m.prescription_id],
      })
      continue
    }
    const cls = m.atc_codes.map(atcClass).filter((c) => classes.has(c))
    if (cls.length)
      out.push({
        code: 'duplicate_therapy',
        severity: 'low',
        message: `same therapeutic class (ATC ${[...new Set(cls)].join(', ')}) already taken`,
        related: [m.prescription_id],
      })
  }
  return out
}

function amountFindings(i: DurInput): Finding[] {
  const out: Finding[] = []
  if (i.quantity === null) return out
  if (i.days_supply) {
    const perDay = i.quantity / i.days_supply
    if (perDay > DAILY_UNITS_LIMIT)
      out.push({
        code: 'dose_limit',
        severity: 'high',
        message: `${perDay.toFixed(1)} units a day is above the ${DAILY_UNITS_LIMIT}-unit daily limit`,
      })
    if (i.days_supply > MAX_DAYS_SUPPLY)
      out.push({ code: 'quantity_limit', severity: 'moderate', message: `${i.days_supply} days' supply is more than ${MAX_DAYS_SUPPLY}` })
    else if (isControlled(i.schedule) && i.days_supply > MAX_CONTROLLED_DAYS_SUPPLY) {
      out.push({
        code: 'quantity_limit',
        severity: 'moderate',
        message: `${i.days_supply} days' supply of a schedule ${i.schedule} substance is more than ${MAX_CONTROLLED_DAYS_SUPPLY}`,
      })
    }
  } else if (i.quantity > QUANTITY_LIMIT) {
    out.push({ code: 'quantity_limit', severity: 'moderate', message: `quantity ${i.quantity} is above ${QUANTITY_LIMIT} units` })
  }
  return out
}
