import type { ServiceModule } from '@apotheca/kernel'
import { createMailer } from './application/mailer.ts'
import { notifyPatient } from './application/notify-patient.ts'

/** notifications: e-mail (and later SMS) to patients about their orders and prescriptions, by consent. */
export default {
  name: 'notifications',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => ({ routes: [], consumers: [notifyPatient(ctx, createMailer(ctx.config))] }),
} satisfies ServiceModule
