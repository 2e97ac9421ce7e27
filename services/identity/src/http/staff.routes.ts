import { idempotent, route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { createStaff } from '../application/create-staff.ts'
import { StaffBody } from './validators.ts'

/** Staff accounts, created by an administrator with a second factor. */
export function staffRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'POST',
      url: '/staff',
      summary: 'Creates a staff account (pharmacist, technician, driver, admin, auditor, practitioner) → 201 {account_id}',
      auth: { roles: ['admin'], mfa: true },
      schema: { body: StaffBody },
      handler: async ({ body, headers }, reply) => {
        const { npi, dea_number, licence_state, ...staff } = body
        const practitioner = npi && licence_state ? { npi, dea_number: dea_number ?? null, licence_state } : undefined
        const answer = await idempotent(
          deps.db,
          'identity',
          'staff.create',
          headers['idempotency-key'] as string | undefined,
          { body: deps.vault.fingerprint(body) },
          async () => ({ status: 201, body: await createStaff(deps, { ...staff, practitioner }) }),
        )
        return reply.status(answer.status).send(answer.body)
      },
    }),
  ]
}
