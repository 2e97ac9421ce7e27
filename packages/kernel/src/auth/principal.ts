import type { Role } from '@apotheca/contracts'

/** Who is calling: from a verified access token, or a service of our own (internal). */
export interface Principal {
  sub: string
  role: Role | 'service'
  /** Authentication methods: 'pwd', 'otp' (RFC 8176). */
  amr: string[]
  /** When the user last proved a second factor (seconds since epoch), for step-up checks. */
  mfa_at?: number
  service?: string
}

/** Webhook senders from outside, each with its own signing secret. */
export type WebhookSender = 'epcs' | 'carrier' | 'payments'

/** What a route declares about who may call it; every route must declare one. */
export type Access =
  | { public: true; why: string }
  | { roles: Role[]; mfa?: boolean; orSigned?: WebhookSender }
  | { internal: true }
  | { signed: WebhookSender }

export const STAFF_ROLES: Role[] = ['pharmacist', 'technician', 'admin']

export const hasMfa = (p: Principal) => p.amr.includes('otp')
