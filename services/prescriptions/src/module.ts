import type { ServiceModule } from '@apotheca/kernel'
import { depsFrom } from './application/deps.ts'
import { expiryJob } from './application/expire-prescriptions.ts'
import { prescriptionRoutes } from './http/prescriptions.routes.ts'
import { internalRoutes } from './http/internal.routes.ts'
import { epcsWebhookRoutes } from './http/epcs-webhook.routes.ts'
import { uploadRoutes } from './http/uploads.routes.ts'
import { allergyRoutes } from './http/allergies.routes.ts'
import { orderCancelledHandler } from './events/handlers/order-cancelled.handler.ts'
import { reviewRequestedHandler } from './events/handlers/review-requested.handler.ts'

/** prescriptions: intake (JSON, FHIR, NCPDP, uploads), patients' allergies, automated review by events (validation, DUR), the pharmacist's queue and verification, signed verified prescriptions, e-prescribing status. */
export default {
  name: 'prescriptions',
  migrations: new URL('./db/migrations/', import.meta.url),
  async create(ctx) {
    const deps = await depsFrom(ctx)
    return {
      routes: [
        ...prescriptionRoutes(deps),
        ...uploadRoutes(deps),
        ...allergyRoutes(deps),
        ...internalRoutes(deps),
        ...epcsWebhookRoutes(deps),
      ],
      consumers: [reviewRequestedHandler(deps), orderCancelledHandler(deps)],
      jobs: [expiryJob(deps)],
    }
  },
} satisfies ServiceModule
