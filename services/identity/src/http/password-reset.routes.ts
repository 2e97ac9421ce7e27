import { z } from 'zod'
import { route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { requestPasswordReset } from '../application/request-password-reset.ts'
import { confirmPasswordReset } from '../application/confirm-password-reset.ts'
import { passwordResetRecipient } from '../application/password-reset-recipient.ts'
import { TooManyAttempts } from '../application/throttle.ts'
import { ResetConfirmBody, ResetRequestBody } from './schemas.ts'
import { PasswordResetRecipient, ResetAccepted } from './responses.ts'

/** Password reset by e-mail: the request (always 202), the confirmation, and the recipient lookup for notifications. */
export function passwordResetRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'POST',
      url: '/auth/password/reset',
      summary:
        'Asks for a password-reset e-mail → 202 whether or not an account has the address (the e-mail goes to that mailbox only); 429 with Retry-After when throttled',
      auth: { public: true, why: 'whoever forgot their password has no token; the e-mail goes only to the address’s owner' },
      schema: { body: ResetRequestBody },
      responses: { 202: ResetAccepted },
      // 429 (with Retry-After) once the e-mail or the caller's address asked too often.
      problems: { 429: ['too-many-attempts'] },
      handler: async ({ body }, reply) => {
        try {
          await requestPasswordReset(deps, body.email, reply.request.ip)
        } catch (err) {
          if (err instanceof TooManyAttempts) void reply.header('retry-after', String(err.retryAfter))
          throw err
        }
        return reply.status(202).send({ status: 'accepted' })
      },
    }),
    route({
      method: 'POST',
      url: '/auth/password/reset/confirm',
      summary:
        'Sets a new password with the e-mailed token → 204; every session of the account ends; 422 invalid-reset-token for an unknown, used or expired token',
      auth: { public: true, why: 'the e-mailed single-use token is the credential' },
      schema: { body: ResetConfirmBody },
      responses: { 204: null },
      problems: { 422: ['invalid-reset-token'] },
      handler: async ({ body }, reply) => {
        await confirmPasswordReset(deps, body.token, body.new_password)
        return reply.status(204).send()
      },
    }),
    route({
      method: 'GET',
      url: '/internal/password-resets/:resetId/recipient',
      summary: 'The address a live password-reset e-mail goes to, for notifications; 404 once used, replaced or expired',
      auth: { internal: true },
      schema: { params: z.object({ resetId: z.uuid() }) },
      responses: { 200: PasswordResetRecipient },
      problems: { 404: ['not-found'] },
      handler: async ({ params, principal }, reply) => {
        void reply.header('cache-control', 'no-store')
        return passwordResetRecipient(deps, params.resetId, principal?.sub ?? 'service:unknown')
      },
    }),
  ]
}
