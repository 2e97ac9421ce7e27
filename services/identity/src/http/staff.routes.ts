import { idempotent, route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { createStaff } from '../application/create-staff.ts'
import { IdempotencyHeaders, StaffBody } from './schemas.ts'
import { StaffCreated } from './responses.ts'

/** Staff accounts, created by an administrator with a second factor. */
export function staffRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'POST',
      url: '/staff',
      summary: 'Creates a staff account (pharmacist, technician, driver, admin, auditor, practitioner) → 201 {account_id}',
      auth: { roles: ['admin'], mfa: true },
      schema: { body: StaffBody, headers: IdempotencyHeaders },
      responses: {
        201: {
          schema: StaffCreated,
          description:
            'Created; the new account signs in with the e-mail and password (and enrols a second factor where its role needs one)',
          headers: {
            'idempotent-replayed': {
              description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
            },
          },
        },
      },
      problems: { 409: ['email-taken', 'npi-taken', 'request-in-progress'], 422: ['idempotency-key-reused'] },
      handler: async ({ body, headers }, reply) => {
        const { npi, dea_number, licence_state, ...staff } = body
        const practitioner =
          npi && licence_state
            ? { npi, dea_number: dea_number?.toUpperCase() ?? null, licence_state: licence_state.toUpperCase() }
            : undefined
        const answer = await idempotent(
          deps.db,
          'identity',
          'staff.create',
          headers['idempotency-key'] as string | undefined,
          { body: deps.vault.fingerprint(body) },
          async () => ({ status: 201, body: await createStaff(deps, { ...staff, practitioner }) }),
        )
        if (answer.replayed) void reply.header('idempotent-replayed', 'true')
        return reply.status(answer.status).send(answer.body)
      },
    }),
  ]
}
