import { z } from 'zod'
import { ServiceCallError, type ProblemDocument, type ServiceCaller } from './caller.ts'

export const ReserveRequest = z.object({
  order_id: z.uuid(),
  patient_id: z.uuid(),
  items: z.array(z.object({ drug_id: z.uuid(), quantity: z.number().int().positive() })).min(1),
  hold_minutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(30),
})
export const Reservation = z.object({
  reservation_id: z.uuid(),
  order_id: z.uuid(),
  status: z.enum(['held', 'released', 'committed']),
  expires_at: z.string(),
  picks: z.array(
    z.object({
      drug_id: z.uuid(),
      batch_number: z.string(),
      expiry_date: z.string(),
      location_id: z.uuid(),
      quantity: z.number().int(),
    }),
  ),
})
export type ReserveRequest = z.input<typeof ReserveRequest>
export type Reservation = z.infer<typeof Reservation>

/** Typed client for inventory's reservation routes (checkout's synchronous steps). */
export function inventoryClient(caller: ServiceCaller) {
  return {
    /** Reserves every item or nothing; an out-of-stock item answers { ok: false } with inventory's problem. */
    async reserve(
      req: ReserveRequest,
    ): Promise<{ ok: true; reservation: Reservation } | { ok: false; status: number; problem: ProblemDocument | undefined }> {
      const r = await caller.call('inventory', { method: 'POST', path: '/internal/reservations', body: req })
      if (r.status === 201 || r.status === 200) return { ok: true, reservation: Reservation.parse(r.json) }
      if (r.status === 409 || r.status === 404 || r.status === 422)
        return { ok: false, status: r.status, problem: r.json as ProblemDocument | undefined }
      throw new ServiceCallError('inventory', r.status, r.json)
    },
    /** Releases a held reservation (compensation); releasing twice is harmless. */
    async release(reservationId: string, reason: string): Promise<void> {
      const r = await caller.call('inventory', {
        method: 'POST',
        path: `/internal/reservations/${reservationId}/release`,
        body: { reason },
      })
      if (r.status >= 300) throw new ServiceCallError('inventory', r.status, r.json)
    },
  }
}
