import type { ServiceModule } from '@apotheca/kernel'
import { auditRoutes } from './http/audit.routes.ts'
import { recordEvent } from './application/record-event.ts'

/** audit: the tamper-evident, hash-chained log of every event of the platform. */
export default {
  name: 'audit',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => ({ routes: auditRoutes(ctx.db), consumers: [recordEvent] }),
} satisfies ServiceModule
