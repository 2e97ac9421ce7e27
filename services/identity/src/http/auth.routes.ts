import { z } from 'zod'
import { Role } from '@apotheca/contracts'
import { route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { signIn } from '../application/sign-in.ts'
import { verifyMfa } from '../application/verify-mfa.ts'
import { confirmTotpEnrolment, startTotpEnrolment } from '../application/enrol-totp.ts'
import { LoginBody, MfaVerifyBody, TotpCode } from './validators.ts'

const ANY_ROLE = { roles: [...Role.options] }

/** Sign-in (password, then TOTP when enrolled), TOTP enrolment, and the public signing keys. */
export function authRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'POST',
      url: '/auth/login',
      summary: 'Signs in with e-mail and password → an access token, or {mfa_required, mfa_token} when a second factor is enrolled',
      auth: { public: true, why: 'signing in is how a caller gets a token' },
      schema: { body: LoginBody },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return signIn(deps, body.email, body.password)
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/verify',
      summary: 'Completes a sign-in with the authenticator code (RFC 6238 TOTP) → an access token',
      auth: { public: true, why: 'the caller proves itself with the mfa_token and the code' },
      schema: { body: MfaVerifyBody },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return verifyMfa(deps, body.mfa_token, body.code)
      },
    }),
    route({
      method: 'GET',
      url: '/.well-known/jwks.json',
      summary: 'The public keys (JWKS) that verify access tokens',
      auth: { public: true, why: 'public keys: every verifier, inside the platform or not, needs them' },
      handler: async (_req, reply) => {
        void reply.header('cache-control', 'public, max-age=300')
        return deps.tokens.jwks()
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/totp',
      summary: 'Starts TOTP enrolment for the signed-in account → 201 {secret, otpauth_uri}',
      auth: ANY_ROLE,
      handler: async ({ principal }, reply) => {
        void reply.header('cache-control', 'no-store')
        return reply.status(201).send(await startTotpEnrolment(deps, principal!.sub))
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/totp/activate',
      summary: 'Confirms TOTP enrolment with a first code; later sign-ins ask for the code',
      auth: ANY_ROLE,
      schema: { body: z.strictObject({ code: TotpCode }) },
      handler: async ({ principal, body }) => confirmTotpEnrolment(deps, principal!.sub, body.code),
    }),
  ]
}
