import { ORDER_CURRENCY } from './money.ts'

/** Most units of one over-the-counter drug a single order may hold (misuse and resale guard). */
export const MAX_OTC_UNITS = 10

/**
 * Prescription statuses still on their way to a pharmacist's decision: such an item may be bought,
 * its payment authorised at checkout and captured only once the prescription is verified.
 */
export const UNDER_REVIEW: readonly string[] = ['received', 'validating', 'in_review']

/** A broken rule, as the edge will answer it (404/409/422 problem). */
export interface RuleViolation {
  status: 404 | 409 | 422
  slug: string
  title: string
  detail?: string
}

/** What a rule needs of the drug (from the catalog). */
export interface DrugFacts {
  drug_id: string
  rx_only: boolean
  price: { amount: number; currency: string }
}

/** What a rule needs of the prescription (from the prescriptions service). */
export interface PrescriptionFacts {
  prescription_id: string
  patient_id: string
  drug_id: string | null
  status: string
  quantity: number
  expiry_date: string | null
  /** False when a verified prescription may not be sold against (its signature no longer matches its fields). */
  dispensable?: boolean
}

/** One line a patient wants to buy. */
export interface LineRequest {
  patient_id: string
  quantity: number
  prescription_id: string | null
}

/** Checks a line against the drug and (if any) its prescription; `today` is YYYY-MM-DD (UTC). */
export function checkLine(line: LineRequest, drug: DrugFacts, rx: PrescriptionFacts | null, today: string): RuleViolation | null {
  if (drug.price.currency !== ORDER_CURRENCY) {
    return {
      status: 422,
      slug: 'currency-not-supported',
      title: 'This drug is not sold in USD',
      detail: `priced in ${drug.price.currency}`,
    }
  }
  if (line.prescription_id) return checkPrescription(line, drug, rx, today)
  if (drug.rx_only) {
    return {
      status: 422,
      slug: 'prescription-required',
      title: 'This drug needs a prescription',
      detail: 'send the prescription_id of a verified prescription for it',
    }
  }
  if (line.quantity > MAX_OTC_UNITS) {
    return {
      status: 422,
      slug: 'quantity-limit-exceeded',
      title: `At most ${MAX_OTC_UNITS} units of an over-the-counter drug per order`,
      detail: `asked for ${line.quantity}`,
    }
  }
  return null
}

function checkPrescription(line: LineRequest, drug: DrugFacts, rx: PrescriptionFacts | null, today: string): RuleViolation | null {
  // Someone else's prescription answers exactly like a missing one: its existence is not disclosed.
  if (!rx || rx.patient_id !== line.patient_id) return { status: 404, slug: 'not-found', title: 'Prescription not found' }
  if (rx.drug_id !== drug.drug_id) {
    return { status: 422, slug: 'prescription-drug-mismatch', title: 'The prescription is for another drug' }
  }
  if (rx.status === 'expired' || (rx.expiry_date !== null && rx.expiry_date.slice(0, 10) < today)) {
    return { status: 409, slug: 'prescription-expired', title: 'The prescription has expired' }
  }
  if (rx.status !== 'verified' && !UNDER_REVIEW.includes(rx.status)) {
    return {
      status: 409,
      slug: 'prescription-not-verified',
      title: 'The prescription is not verified by a pharmacist',
      detail: `its status is ${rx.status}`,
    }
  }
  if (rx.status === 'verified' && rx.dispensable === false) {
    return {
      status: 409,
      slug: 'prescription-not-dispensable',
      title: 'The prescription cannot be dispensed',
      detail: 'it was changed after a pharmacist verified it',
    }
  }
  if (line.quantity > rx.quantity) {
    return {
      status: 422,
      slug: 'quantity-exceeds-prescription',
      title: 'The quantity is more than the prescription allows',
      detail: `prescribed ${rx.quantity}, asked for ${line.quantity}`,
    }
  }
  return null
}
