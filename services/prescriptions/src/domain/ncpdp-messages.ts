import { MalformedIntake, UnsupportedIntake, type ParsedOrder } from './intake.ts'
import { at, child, integer, newRxOrder, parseScriptXml, prescriberNpi, text, transactionOf, type Node } from './ncpdp-newrx.ts'

/** A prescriber's answer to a renewal or change request. `ambiguous`: both approved and denied, or neither. */
export type ResponseDecision = 'approved' | 'approved_with_changes' | 'replace' | 'denied' | 'ambiguous'

/** The medication of a response that changes the prescription (ApprovedWithChanges, Replace). */
export interface ResponseMedication {
  ndc: string | null
  drug_text: string | null
  quantity: number | null
  days_supply: number | null
  refill_count: number | null
  dosage: string | null
}

/** Header fields every message carries, as the sender gave them. */
export interface MessageRefs {
  message_id: string | null
  relates_to: string | null
  order_number: string | null
  reference: string | null
}

/** An NCPDP SCRIPT message we take in, by transaction. */
export type ScriptMessage =
  | { kind: 'NewRx'; order: ParsedOrder }
  | { kind: 'CancelRx'; refs: MessageRefs; prescriber_npi: string | null; ndc: string | null }
  | {
      kind: 'RxRenewalResponse' | 'RxChangeResponse'
      refs: MessageRefs
      decision: ResponseDecision
      note: string | null
      reason_code: string | null
      medication: ResponseMedication | null
    }

/** Transactions a pharmacy receives; the others (CancelRxResponse, Status, RxFill…) are ours to send or not ours at all. */
export const RECEIVED_TRANSACTIONS = ['NewRx', 'CancelRx', 'RxRenewalResponse', 'RxChangeResponse'] as const

/** Parses an NCPDP SCRIPT message safely (no DTD, no entities); throws UnsupportedIntake for other transactions. */
export function parseScriptMessage(xml: string): ScriptMessage {
  const message = parseScriptXml(xml)
  const tx = transactionOf(message)
  if (tx === 'NewRx') return { kind: 'NewRx', order: newRxOrder(message) }
  const body = at(message, 'Body', tx ?? '')
  if (tx && (RECEIVED_TRANSACTIONS as readonly string[]).includes(tx) && (!body || typeof body !== 'object'))
    throw new MalformedIntake(tx, `the ${tx} is empty`)
  const refs = messageRefs(message, body)
  if (!refs.message_id) throw new MalformedIntake('Header.MessageID', 'the message has no MessageID')
  if (tx === 'CancelRx') {
    return {
      kind: 'CancelRx',
      refs,
      prescriber_npi: prescriberNpi(child(body, 'Prescriber')),
      ndc: code(child(body, 'MedicationPrescribed')),
    }
  }
  if (tx === 'RxRenewalResponse' || tx === 'RxChangeResponse') return { kind: tx, refs, ...response(body) }
  throw new UnsupportedIntake(`${tx ?? 'an empty Body'} is not a message a pharmacy takes in (we take ${RECEIVED_TRANSACTIONS.join(', ')})`)
}

function messageRefs(message: Node, body: Node): MessageRefs {
  const h = child(message, 'Header')
  const cut = (s: string | null) => s?.slice(0, 200) ?? null
  return {
    message_id: cut(text(child(h, 'MessageID'))),
    relates_to: cut(text(child(h, 'RelatesToMessageID'))),
    order_number: cut(text(child(h, 'PrescriberOrderNumber')) ?? text(child(body, 'PrescriberOrderNumber'))),
    reference: cut(text(child(body, 'RequestReferenceNumber'))),
  }
}

function code(med: Node): string | null {
  return (text(at(med, 'DrugCoded', 'ProductCode')) ?? text(at(med, 'DrugCoded', 'ProductCode', 'Code')))?.slice(0, 40) ?? null
}

function response(body: Node): {
  decision: ResponseDecision
  note: string | null
  reason_code: string | null
  medication: ResponseMedication | null
} {
  const r = child(body, 'Response')
  const present = (['Approved', 'ApprovedWithChanges', 'Replace', 'Denied'] as const).filter(
    (k) => r && typeof r === 'object' && k in (r as object),
  )
  const decision: ResponseDecision =
    present.length !== 1
      ? 'ambiguous'
      : ({ Approved: 'approved', ApprovedWithChanges: 'approved_with_changes', Replace: 'replace', Denied: 'denied' } as const)[present[0]!]
  const part = present.length === 1 ? child(r, present[0]!) : undefined
  const note = (text(child(part, 'Note')) ?? text(child(part, 'DenialReason')))?.slice(0, 500) ?? null
  const med = child(body, 'MedicationPrescribed')
  const medication =
    med && typeof med === 'object'
      ? {
          ndc: code(med),
          drug_text: text(child(med, 'DrugDescription'))?.slice(0, 300) ?? null,
          quantity: integer(text(at(med, 'Quantity', 'Value'))),
          days_supply: integer(text(child(med, 'DaysSupply'))),
          refill_count: integer(text(child(med, 'NumberOfRefills'))),
          dosage: (text(at(med, 'Sig', 'SigText')) ?? text(child(med, 'Directions')))?.slice(0, 1000) ?? null,
        }
      : null
  return { decision, note, reason_code: text(child(part, 'ReasonCode'))?.slice(0, 10) ?? null, medication }
}
