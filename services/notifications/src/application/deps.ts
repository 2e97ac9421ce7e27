import { PASSWORD_RESET_DELIVERY, type ServiceCaller } from '@apotheca/contracts'
import { deriveKey, type Database, type Logger, type ServiceContext } from '@apotheca/kernel'
import { createMailer, type Mailer } from './mailer.ts'

/** What the consumers of notifications work with; built once by depsFrom. */
export interface NotificationsDeps {
  db: Database
  services: ServiceCaller
  log: Logger
  mailer: Mailer
  /** The page a reset e-mail links to; without one the e-mail gives the code alone. */
  resetPageUrl: string | undefined
  /** The keys a sealed reset token may open under: the master key's, and while it rotates the previous one's (ADR 0011). */
  resetTokenKeys: Buffer[]
}

/** Builds the dependencies from the runtime's context: its database, callers, secrets and configuration. */
export function depsFrom(ctx: Pick<ServiceContext, 'db' | 'services' | 'log' | 'secrets' | 'config'>): NotificationsDeps {
  const previous = ctx.config.APOTHECA_MASTER_KEY_PREVIOUS
  return {
    db: ctx.db,
    services: ctx.services,
    log: ctx.log,
    mailer: createMailer(ctx.config),
    resetPageUrl: ctx.config.APOTHECA_PASSWORD_RESET_URL,
    // While the master key rotates, identity may still run on the old one: either key opens the token.
    resetTokenKeys: [ctx.secrets.masterKey, ...(previous ? [Buffer.from(previous, 'base64')] : [])].map((k) =>
      deriveKey(k, PASSWORD_RESET_DELIVERY.label),
    ),
  }
}
