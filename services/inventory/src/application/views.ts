import type { Reservation } from '@apotheca/contracts'
import type { BatchRow } from '../db/batch.repository.ts'
import type { ReservationRow } from '../db/reservation.repository.ts'
import type { Pick } from '../domain/fefo.ts'

/** A batch as the API shows it. */
export function batchView(b: BatchRow) {
  return {
    batch_number: b.batch_number,
    expiry_date: b.expiry_date,
    quantity_on_hand: b.quantity_on_hand,
    quantity_reserved: b.quantity_reserved,
    status: b.status,
    location_id: b.location_id,
    version: b.version,
  }
}

/** A pick as events and answers carry it (without our internal batch id). */
export function pickView(p: Pick) {
  return { drug_id: p.drug_id, batch_number: p.batch_number, expiry_date: p.expiry_date, location_id: p.location_id, quantity: p.quantity }
}

/** A reservation as the contracts' `Reservation` answer. */
export function reservationView(r: ReservationRow, picks: Pick[]): Reservation & { patient_id: string } {
  return {
    reservation_id: r.reservation_id,
    order_id: r.order_id,
    patient_id: r.patient_id,
    status: r.status,
    expires_at: r.expires_at,
    picks: picks.map(pickView),
  }
}
