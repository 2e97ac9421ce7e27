import { inventoryClient, prescriptionsClient } from '@apotheca/contracts'
import { Problem, conflict, notFound, type Principal } from '@apotheca/kernel'
import { canTransition } from '../domain/order-status.ts'
import { isFreshStepUp, needsStepUp } from '../domain/dispensing.ts'
import { findItems, findOrder, lockOrder, type OrderItemRow, type OrderRow } from '../db/order.repository.ts'
import { fulfilmentRequested } from '../events/order.events.ts'
import { dependency } from './dependency.ts'
import { applyTransition } from './order-transition.ts'
import { CHECKOUT_HOLD_MINUTES } from './checkout-steps.ts'
import type { OrdersDeps } from './deps.ts'

/**
 * A pharmacist or technician starts dispensing a paid order: each prescription line is filled first
 * (prescriptions checks its signature again and counts the refill), then the order becomes fulfilling
 * and orders.order.fulfilment_requested.v1 asks inventory to pick the reservation (first expiry
 * first), after which delivery creates the shipment. Controlled substances need a fresh second factor.
 */
export async function fulfilOrder(deps: OrdersDeps, who: Principal, orderId: string) {
  const o = await findOrder(deps.db, orderId)
  if (!o) throw notFound('Order')
  refuseUnlessFulfillable(o)
  const items = await findItems(deps.db, orderId)
  requireStepUpForControlled(who, items)
  await fillPrescriptions(deps, orderId, items)
  const reservation = await ensureReservation(deps, o)
  const done = await deps.db.transaction(async (tx) => {
    const locked = (await lockOrder(tx, orderId))!
    refuseUnlessFulfillable(locked)
    const next = await applyTransition(deps, tx, locked, {
      to: 'fulfilling',
      reason: 'fulfilment_requested',
      actor_id: who.sub,
      patch: reservation,
    })
    await deps.publish(tx, 'orders.order.fulfilment_requested.v1', orderId, fulfilmentRequested(next, who.sub))
    return next
  })
  deps.log.info({ order_id: orderId, actor_id: who.sub }, 'fulfilment requested')
  return { order_id: done.order_id, order_status: done.order_status }
}

function refuseUnlessFulfillable(o: OrderRow) {
  if (!canTransition(o.order_status, 'fulfilling')) {
    throw conflict('illegal-transition', `An order that is ${o.order_status} cannot be fulfilled`, 'only a paid order can be fulfilled', {
      order_status: o.order_status,
    })
  }
}

/**
 * Records the fill of every prescription line, once per order (prescriptions answers a repeated fill
 * for the same order as already done, so a retried fulfilment is safe). A refusal (changed since
 * verification, expired, no refills left, too early) is the pharmacist's 409 and nothing moves.
 */
async function fillPrescriptions(deps: OrdersDeps, orderId: string, items: OrderItemRow[]) {
  for (const i of items) {
    if (!i.prescription_id) continue
    const r = await dependency(deps.log, 'prescriptions', () =>
      prescriptionsClient(deps.services).recordFill(i.prescription_id!, { order_id: orderId, quantity: i.quantity }),
    )
    if (!r.ok) {
      throw conflict(
        'prescription-not-dispensable',
        'A prescription of the order cannot be dispensed',
        r.problem?.detail ?? r.problem?.title ?? `prescriptions answered ${r.status}`,
        { prescription_id: i.prescription_id, reason: typeof r.problem?.type === 'string' ? r.problem.type.split('/').pop() : undefined },
      )
    }
  }
}

function requireStepUpForControlled(who: Principal, items: OrderItemRow[]) {
  if (needsStepUp(items) && !isFreshStepUp(who.mfa_at, Math.floor(Date.now() / 1000)))
    throw new Problem(
      403,
      'step-up-required',
      'Dispensing a controlled substance needs a fresh second factor',
      'verify your authenticator code again',
    )
}

/**
 * The order's reservation. A hold that lapsed while the order waited for the pharmacy is still
 * named: inventory picks fresh stock when it commits a lapsed reservation. Only an order that never
 * recorded one (a crash at checkout) reserves now; inventory answers its existing one if it has it.
 */
async function ensureReservation(deps: OrdersDeps, o: OrderRow) {
  if (o.reservation_id) return { reservation_id: o.reservation_id, reservation_status: o.reservation_status }
  const items = await findItems(deps.db, o.order_id)
  const r = await dependency(deps.log, 'inventory', () =>
    inventoryClient(deps.services).reserve({
      order_id: o.order_id,
      patient_id: o.patient_id,
      items: items.map((i) => ({ drug_id: i.drug_id, quantity: i.quantity })),
      hold_minutes: CHECKOUT_HOLD_MINUTES,
    }),
  )
  if (!r.ok)
    throw conflict('out-of-stock', 'The order cannot be supplied from stock', r.problem?.detail ?? 'restock, or cancel the order', {
      order_id: o.order_id,
    })
  return { reservation_id: r.reservation.reservation_id, reservation_status: r.reservation.status }
}
