import { randomUUID } from 'node:crypto'
import { identityClient, PASSWORD_RESET_DELIVERY } from '@apotheca/contracts'
import { consumer, open, type Consumer } from '@apotheca/kernel'
import { passwordResetMessage } from '../domain/templates.ts'
import type { NotificationsDeps } from './deps.ts'

/**
 * E-mails a password-reset token to the account's own address. The token arrives sealed in the event
 * (identity and notifications derive the same key from the master key; ADR 0011); the address is asked
 * of identity, which answers only while the reset is live, so a replaced or expired reset is not sent.
 * Neither the token nor the address is stored or logged here.
 */
export function sendPasswordReset(deps: NotificationsDeps): Consumer {
  const identity = identityClient(deps.services)
  const openToken = (sealed: string, aad: string) => {
    for (const key of deps.resetTokenKeys) {
      try {
        return open(key, sealed, aad).toString('utf8')
      } catch {
        /* the next key, if rotating */
      }
    }
    throw new Error('the reset token opens under no master key of this process')
  }
  return consumer({
    name: 'notifications.password-reset',
    types: ['identity.password_reset.requested.v1'],
    async handle(env, { transaction }) {
      const p = env.payload
      const already = await deps.db.query(`SELECT 1 FROM notifications.messages WHERE event_id = $1 AND channel = 'email'`, [env.id])
      if (already.rows.length) return
      const recipient = await identity.passwordResetRecipient(p.reset_id)
      let status: 'sent' | 'skipped_expired' = 'skipped_expired'
      let providerId: string | null = null
      if (recipient && recipient.account_id === p.account_id) {
        const token = openToken(p.sealed_token, PASSWORD_RESET_DELIVERY.aad(p.reset_id, p.account_id))
        // Sent before the transaction: a crash between the two may send twice, never lose it (at-least-once).
        const message = passwordResetMessage(token, p.expires_at, deps.resetPageUrl)
        providerId = await deps.mailer.send({ to: recipient.email, subject: message.subject, text: message.text })
        status = 'sent'
      }
      await transaction(async (tx) => {
        await tx.query(
          /* sql */ `INSERT INTO notifications.messages (notification_id, event_id, template, account_id, channel, status, provider_message_id)
           VALUES ($1, $2, 'password_reset', $3, 'email', $4, $5) ON CONFLICT (event_id, channel) DO NOTHING`,
          [randomUUID(), env.id, p.account_id, status, providerId],
        )
      })
      deps.log.info({ event_id: env.id, template: 'password_reset', status }, 'notification handled')
    },
  })
}
