import { route, type Principal } from '@apotheca/kernel'
import type { Role } from '@apotheca/contracts'
import type { DeliveryDeps } from '../application/deps.ts'
import { reportShipmentStatus } from '../application/report-shipment-status.ts'
import { getShipment } from '../application/get-shipment.ts'
import type { Reporter } from '../domain/shipment-access.ts'
import { ShipmentParams, StatusReportBody } from './delivery.schemas.ts'
import { StatusAnswer, TrackingAnswer } from './responses.ts'

const VIEWERS: Role[] = ['patient', 'driver', 'pharmacist', 'technician', 'admin']

/** A route that accepts `orSigned` gets a null principal only when the kernel verified the carrier signature. */
const reporterOf = (p: Principal | null): Reporter => (p ? { kind: 'user', role: p.role as Role, sub: p.sub } : { kind: 'carrier' })

/** The shipment routes: status reports (drivers, admins, signed carriers) and tracking. */
export function deliveryRoutes(deps: Pick<DeliveryDeps, 'db' | 'publish'>) {
  return [
    route({
      method: 'POST',
      url: '/deliveries/:shipmentId/status',
      summary: 'Report a shipment status (assigned driver or admin with a token, or a carrier signed call with message_id)',
      description:
        'A carrier signs the raw body (Apotheca-Signature) and sends message_id: each message is processed once, a repeat gets ' +
        'the first answer; the same signed delivery sent again, however its header is written, is 409 webhook-replayed. A report ' +
        'older than the status in force is kept without moving it back (200 with the current status).',
      auth: { roles: ['driver', 'admin'], orSigned: 'carrier' },
      schema: { params: ShipmentParams, body: StatusReportBody },
      responses: { 200: StatusAnswer },
      problems: {
        404: ['not-found'],
        409: ['illegal-transition'],
        422: ['proof-required', 'occurred-at-ahead', 'message-id-required', 'message-id-reused'],
      },
      handler: async ({ params, body, principal }) => reportShipmentStatus(deps, params.shipmentId, body, reporterOf(principal)),
    }),
    route({
      method: 'GET',
      url: '/deliveries/:shipmentId',
      summary: 'A shipment with its tracking history (its patient, its driver, pharmacy staff)',
      auth: { roles: VIEWERS },
      schema: { params: ShipmentParams },
      responses: { 200: TrackingAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params, principal }) =>
        getShipment(deps.db, params.shipmentId, { role: principal!.role as Role, sub: principal!.sub }),
    }),
  ]
}
