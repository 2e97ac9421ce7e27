import type { EventEnvelope } from '@apotheca/contracts'

/** The events a patient may hear of. */
export const NOTIFYING_EVENTS = ['orders.order.status_changed.v1', 'prescriptions.prescription.status_changed.v1'] as const
type NotifyingType = (typeof NOTIFYING_EVENTS)[number]
/** One of them, its payload typed by its own schema (discriminated by `type`). */
export type NotifyingEvent = { [T in NotifyingType]: EventEnvelope<T> }[NotifyingType]

/** A message to a patient, worded without health details: what, not which medicine. */
export interface Message {
  template: string
  subject: string
  text: string
}

const shortId = (id: string) => id.slice(0, 8).toUpperCase()

/** The message an event deserves, or null when the patient need not hear of it. */
export function messageFor(env: NotifyingEvent): Message | null {
  switch (env.type) {
    case 'orders.order.status_changed.v1': {
      const p = env.payload
      const ref = shortId(p.order_id)
      if (p.order_status === 'paid')
        return {
          template: 'order_confirmed',
          subject: `Order ${ref} confirmed`,
          text: `We have your order ${ref} and its payment. We will tell you when it ships.`,
        }
      if (p.order_status === 'shipped')
        return {
          template: 'order_shipped',
          subject: `Order ${ref} is on its way`,
          text: `Your order ${ref} has left the pharmacy. Track it in your account.`,
        }
      if (p.order_status === 'delivered')
        return {
          template: 'order_delivered',
          subject: `Order ${ref} delivered`,
          text: `Your order ${ref} was delivered. Questions about your medicine? Reply and a pharmacist will call you.`,
        }
      if (p.order_status === 'cancelled')
        return {
          template: 'order_cancelled',
          subject: `Order ${ref} cancelled`,
          text: `Your order ${ref} was cancelled; any payment is released or refunded.`,
        }
      return null
    }
    case 'prescriptions.prescription.status_changed.v1': {
      const p = env.payload
      if (p.to === 'verified')
        return {
          template: 'rx_verified',
          subject: 'Your prescription is ready to order',
          text: 'A pharmacist has verified your prescription. You can order it in your account.',
        }
      if (p.to === 'rejected')
        return {
          template: 'rx_rejected',
          subject: 'About your prescription',
          text: 'A pharmacist could not verify your prescription. Please sign in to see why, or call us.',
        }
      return null
    }
  }
}

/**
 * The password-reset e-mail, sent to the account's own address only (so it tells no one else that the
 * account exists). Transactional: it needs no marketing consent. The token is on a line of its own, and
 * in a link only as the fragment (#token=…), which browsers never send to a server or its logs.
 */
export function passwordResetMessage(token: string, expiresAt: string, pageUrl?: string): Message {
  const until = `${expiresAt.slice(0, 16).replace('T', ' ')} UTC`
  const how = pageUrl
    ? `Choose a new password here:\n\n${pageUrl}#token=${token}\n\nor enter this reset code with your new password in the app:`
    : 'Enter this reset code with your new password in the app ("Forgot password"):'
  return {
    template: 'password_reset',
    subject: 'Reset your Apotheca password',
    text: [
      'Someone, we hope you, asked to reset the password of the Apotheca account that uses this e-mail address.',
      '',
      how,
      '',
      token,
      '',
      `It works once, until ${until}. Signing in afterwards still asks for your authenticator code if you use one.`,
      '',
      'If you did not ask for this, ignore this e-mail: your password stays as it is. We never ask for this code by phone or e-mail.',
    ].join('\n'),
  }
}
