import type { ServiceModule } from '@apotheca/kernel'
import { depsFrom } from './application/deps.ts'
import { notifyPatient } from './application/notify-patient.ts'
import { sendPasswordReset } from './application/send-password-reset.ts'

/** notifications: e-mail (and later SMS) to patients about their orders and prescriptions, by consent; password-reset e-mails to any account. */
export default {
  name: 'notifications',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const deps = depsFrom(ctx)
    return { routes: [], consumers: [notifyPatient(deps), sendPasswordReset(deps)] }
  },
} satisfies ServiceModule
