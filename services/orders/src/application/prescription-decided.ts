import { Problem } from '@apotheca/kernel'
import { findItems, findOrder, findOrdersAwaitingPrescription, lockOrder } from '../db/order.repository.ts'
import { setPaymentStatus } from '../db/payment.repository.ts'
import { statusAfterAuthorisation } from '../domain/order-status.ts'
import { cancelBySystem, compensateOrder } from './cancel-order.ts'
import { verifyLines } from './cart-lines.ts'
import { dependency } from './dependency.ts'
import { applyTransition } from './order-transition.ts'
import type { OrdersDeps } from './deps.ts'

/** Prescription statuses that end any hope of dispensing it: its waiting orders are cancelled. */
const REFUSED = new Set(['rejected', 'cancelled', 'expired', 'inactive'])

/**
 * A pharmacist decided on a prescription that orders were waiting for (awaiting_verification, payment
 * authorised): verified → capture and mark paid once every prescription of the order is verified;
 * rejected → cancel, void the authorisation and release the stock. Safe to run again: capture is
 * idempotent at the provider and each transition is checked against the order's current status.
 */
export async function prescriptionDecided(deps: OrdersDeps, prescriptionId: string, to: string): Promise<void> {
  if (to !== 'verified' && !REFUSED.has(to)) return
  for (const o of await findOrdersAwaitingPrescription(deps.db, prescriptionId)) {
    if (to === 'verified') await captureIfVerified(deps, o.order_id)
    else await cancelBySystem(deps, o.order_id, `prescription_${to}`)
  }
}

/** Captures an order awaiting verification once every prescription of it is verified; else leaves it. */
export async function captureIfVerified(deps: OrdersDeps, orderId: string): Promise<void> {
  const o = await findOrder(deps.db, orderId)
  if (!o || o.order_status !== 'awaiting_verification' || !o.payment_intent_id) return
  let lines
  try {
    lines = await verifyLines(deps, o.patient_id, await findItems(deps.db, orderId))
  } catch (err) {
    // A line no longer dispensable (another prescription withdrawn or expired meanwhile): the order cannot be filled.
    if (err instanceof Problem && err.status < 500) return cancelBySystem(deps, orderId, 'prescription_invalid')
    throw err
  }
  if (!statusAfterAuthorisation(lines).capture) return // another prescription of the order is still under review
  await dependency(deps.log, 'payments', () => deps.gateway.capture(o.payment_intent_id!))
  await deps.db.transaction(async (tx) => {
    const locked = (await lockOrder(tx, orderId))!
    await setPaymentStatus(tx, o.payment_intent_id!, 'captured')
    if (locked.order_status !== 'awaiting_verification') {
      // Cancelled while we captured: the compensation refunds what it now finds captured.
      if (locked.order_status === 'cancelled')
        await applyTransition(deps, tx, locked, {
          to: 'cancelled',
          payment_status: 'captured',
          reason: 'captured_after_cancel',
          actor_id: null,
          patch: { compensated_at: null },
        })
      return
    }
    await applyTransition(deps, tx, locked, { to: 'paid', payment_status: 'captured', reason: 'prescription_verified', actor_id: null })
  })
  const after = await findOrder(deps.db, orderId)
  if (after?.order_status === 'cancelled') await compensateOrder(deps, orderId)
  deps.log.info({ order_id: orderId, order_status: after?.order_status }, 'prescription verified: payment captured')
}
