import { randomUUID } from 'node:crypto'
import { identityClient } from '@apotheca/contracts'
import { consumer, type Consumer } from '@apotheca/kernel'
import { messageFor, NOTIFYING_EVENTS } from '../domain/templates.ts'
import type { NotificationsDeps } from './deps.ts'

/** Tells a patient by e-mail what happened to their order or prescription, if they consented. */
export function notifyPatient(deps: NotificationsDeps): Consumer {
  const identity = identityClient(deps.services)
  return consumer({
    name: 'notifications.notify-patient',
    types: [...NOTIFYING_EVENTS],
    async handle(env, { transaction }) {
      const message = messageFor(env)
      if (!message) return
      const patientId = env.payload.patient_id
      const already = await deps.db.query(`SELECT 1 FROM notifications.messages WHERE event_id = $1 AND channel = 'email'`, [env.id])
      if (already.rows.length) return
      const patient = await identity.getPatient(patientId)
      let status: 'sent' | 'skipped_no_consent' | 'skipped_no_contact' = 'sent'
      let providerId: string | null = null
      if (!patient?.email || patient.status !== 'active') status = 'skipped_no_contact'
      else if (!patient.consent.email) status = 'skipped_no_consent'
      // Sent before the transaction: a crash between the two may send twice, never lose it (at-least-once).
      else providerId = await deps.mailer.send({ to: patient.email, subject: message.subject, text: message.text })
      await transaction(async (tx) => {
        await tx.query(
          /* sql */ `INSERT INTO notifications.messages (notification_id, event_id, template, patient_id, channel, status, provider_message_id)
           VALUES ($1, $2, $3, $4, 'email', $5, $6) ON CONFLICT (event_id, channel) DO NOTHING`,
          [randomUUID(), env.id, message.template, patientId, status, providerId],
        )
      })
      deps.log.info({ event_id: env.id, template: message.template, status }, 'notification handled')
    },
  })
}
