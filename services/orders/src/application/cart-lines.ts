import { catalogClient, prescriptionsClient, type Drug, type InternalPrescription } from '@apotheca/contracts'
import { Problem } from '@apotheca/kernel'
import { checkLine, type RuleViolation } from '../domain/cart-rules.ts'
import type { VerificationLine } from '../domain/order-status.ts'
import { ORDER_CURRENCY } from '../domain/money.ts'
import { dependency } from './dependency.ts'
import { todayUtc, type OrdersDeps } from './deps.ts'

/** A broken cart rule as the problem document the client gets. */
export function ruleProblem(v: RuleViolation): Problem {
  return new Problem(v.status, v.slug, v.title, v.detail)
}

/** The drug from the catalog; an unknown id is a 422 (the request names something that does not exist). */
export async function fetchDrug(deps: OrdersDeps, drugId: string): Promise<Drug> {
  const drug = await dependency(deps.log, 'catalog', () => catalogClient(deps.services).getDrug(drugId))
  if (!drug) throw new Problem(422, 'unknown-drug', 'No such drug in the catalog', `drug_id ${drugId}`)
  return drug
}

/** The prescription, or null when it does not exist. */
export async function fetchPrescription(deps: OrdersDeps, prescriptionId: string): Promise<InternalPrescription | null> {
  return dependency(deps.log, 'prescriptions', () => prescriptionsClient(deps.services).getPrescription(prescriptionId))
}

/** A line of a cart or an order, as far as re-validation needs it. */
export interface StoredLine {
  drug_id: string
  quantity: number
  prescription_id: string | null
  rx_only: boolean
  unit_price: number
}

/**
 * Checks stored lines again just before money moves: a prescription may have been cancelled or
 * may have expired since the line was added. Returns what the payment step needs to know.
 */
export async function verifyLines(deps: OrdersDeps, patientId: string, lines: StoredLine[]): Promise<VerificationLine[]> {
  const out: VerificationLine[] = []
  for (const l of lines) {
    const rx = l.prescription_id ? await fetchPrescription(deps, l.prescription_id) : null
    const drug = { drug_id: l.drug_id, rx_only: l.rx_only, price: { amount: l.unit_price, currency: ORDER_CURRENCY } }
    const v = checkLine({ patient_id: patientId, quantity: l.quantity, prescription_id: l.prescription_id }, drug, rx, todayUtc())
    if (v) throw ruleProblem({ ...v, detail: `drug ${l.drug_id}: ${v.detail ?? v.title}` })
    out.push({ rx_only: l.rx_only, prescription_status: rx?.status ?? null })
  }
  return out
}
