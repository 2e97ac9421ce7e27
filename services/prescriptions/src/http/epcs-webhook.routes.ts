import { route } from '@apotheca/kernel'
import type { PrescriptionsDeps } from '../application/deps.ts'
import { receiveEpcsStatus } from '../application/receive-epcs-status.ts'
import { EpcsStatusBody } from './prescriptions.schemas.ts'
import { EpcsAnswer } from './responses.ts'

/** The e-prescribing network's status webhook (HMAC-signed, replay window checked by the kernel). */
export function epcsWebhookRoutes(deps: PrescriptionsDeps) {
  return [
    route({
      method: 'POST',
      url: '/webhooks/epcs/status',
      summary: 'Status of an e-prescription from the e-prescribing network (signed); processed once per message_id',
      auth: { signed: 'epcs' },
      schema: { body: EpcsStatusBody },
      responses: {
        200: { schema: EpcsAnswer, description: 'Recorded for a prescription of ours, or a message_id received before (duplicate)' },
        202: { schema: EpcsAnswer, description: 'Recorded, for a prescription we do not know (yet): the network does not promise order' },
      },
      handler: async ({ body }, reply) => {
        const answer = await receiveEpcsStatus(deps, body)
        return reply.status(answer.status).send(answer.body)
      },
    }),
  ]
}
