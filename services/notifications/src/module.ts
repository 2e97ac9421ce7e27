import type { ServiceModule } from '@apotheca/kernel'
import { createMailer } from './application/mailer.ts'
import { notifyPatient } from './application/notify-patient.ts'
import { sendPasswordReset } from './application/send-password-reset.ts'

/** notifications: e-mail (and later SMS) to patients about their orders and prescriptions, by consent; password-reset e-mails to any account. */
export default {
  name: 'notifications',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const mailer = createMailer(ctx.config)
    return { routes: [], consumers: [notifyPatient(ctx, mailer), sendPasswordReset(ctx, mailer)] }
  },
} satisfies ServiceModule
