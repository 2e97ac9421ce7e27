import { Role } from '@apotheca/contracts'
import { route } from '@apotheca/kernel'
import type { IdentityDeps } from '../application/deps.ts'
import { signIn } from '../application/sign-in.ts'
import { verifyMfa } from '../application/verify-mfa.ts'
import {
  completeEnrolmentAtSignIn,
  confirmTotpEnrolment,
  renewRecoveryCodes,
  startEnrolmentAtSignIn,
  startTotpEnrolment,
} from '../application/enrol-totp.ts'
import { refreshSession, signOut } from '../application/refresh-tokens.ts'
import { changePassword } from '../application/change-password.ts'
import { TooManyAttempts } from '../application/throttle.ts'
import {
  ChangePasswordBody,
  EnrolActivateBody,
  EnrolBody,
  LoginBody,
  MfaVerifyBody,
  RefreshBody,
  RotateBody,
  TotpActivateBody,
} from './schemas.ts'
import {
  EnrolmentActivated,
  Jwks,
  LoginAnswer,
  RecoveryCodesAnswer,
  RotationAnswer,
  TokenAnswer,
  TotpActivated,
  TotpSecret,
} from './responses.ts'

const ANY_ROLE = { roles: [...Role.options] }

/** Sign-in (password, then TOTP when enrolled), TOTP enrolment, and the public signing keys. */
export function authRoutes(deps: IdentityDeps) {
  return [
    route({
      method: 'POST',
      url: '/auth/login',
      summary:
        'Signs in with e-mail and password → an access token, {mfa_required, mfa_token} when a second factor is enrolled, or {mfa_enrolment_required, enrolment_token} for staff who must enrol one first',
      auth: { public: true, why: 'signing in is how a caller gets a token' },
      schema: { body: LoginBody },
      responses: { 200: LoginAnswer },
      // 429 (with Retry-After) while the e-mail or the caller's address is locked after repeated failures.
      problems: { 401: ['invalid-credentials'], 429: ['too-many-attempts'] },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        try {
          return await signIn(deps, body.email, body.password, reply.request.ip)
        } catch (err) {
          if (err instanceof TooManyAttempts) void reply.header('retry-after', String(err.retryAfter))
          throw err
        }
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/verify',
      summary: 'Completes a sign-in with the authenticator code (RFC 6238 TOTP) → an access token',
      auth: { public: true, why: 'the caller proves itself with the mfa_token and the code' },
      schema: { body: MfaVerifyBody },
      responses: { 200: TokenAnswer },
      problems: { 401: ['mfa-expired', 'invalid-code'] },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return verifyMfa(deps, body.mfa_token, body)
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/enrol',
      summary: 'Staff enrolment at sign-in, step 1: the enrolment token → 201 {secret, otpauth_uri} for the authenticator app',
      auth: { public: true, why: 'the caller proves itself with the enrolment token its password sign-in gave' },
      schema: { body: EnrolBody },
      responses: { 201: TotpSecret },
      problems: { 401: ['enrolment-expired'], 404: ['not-found'], 409: ['mfa-already-enabled'] },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return reply.status(201).send(await startEnrolmentAtSignIn(deps, body.enrolment_token))
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/enrol/activate',
      summary:
        'Staff enrolment at sign-in, step 2: the first code puts the factor in force → an access token with the second factor, and recovery codes (shown once)',
      auth: { public: true, why: 'the caller proves itself with the enrolment token and a code of the new secret' },
      schema: { body: EnrolActivateBody },
      responses: { 200: EnrolmentActivated },
      problems: {
        422: ['invalid-code'],
        401: ['enrolment-expired'],
        404: ['not-found'],
        409: ['mfa-already-enabled', 'mfa-not-started'],
      },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return completeEnrolmentAtSignIn(deps, body.enrolment_token, body.code)
      },
    }),
    route({
      method: 'POST',
      url: '/auth/token/refresh',
      summary: 'Exchanges a refresh token for a new access token and the next refresh token (single use; a reused one ends the sign-in)',
      auth: { public: true, why: 'the refresh token is the credential: its holder may be past the access token’s expiry' },
      schema: { body: RefreshBody },
      responses: { 200: TokenAnswer },
      problems: { 401: ['invalid-refresh-token', 'refresh-token-reused'] },
      handler: async ({ body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return refreshSession(deps, body.refresh_token)
      },
    }),
    route({
      method: 'POST',
      url: '/auth/logout',
      summary: 'Signs out: the refresh token and every token rotated from the same sign-in are revoked → 204',
      auth: { public: true, why: 'holding the refresh token is the authority to end its session, even with an expired access token' },
      schema: { body: RefreshBody },
      responses: { 204: null },
      handler: async ({ body }, reply) => {
        await signOut(deps, body.refresh_token)
        return reply.status(204).send()
      },
    }),
    route({
      method: 'POST',
      url: '/auth/password',
      summary: 'Changes the signed-in account’s password, proving the current one → 204; every session of the account ends',
      auth: ANY_ROLE,
      schema: { body: ChangePasswordBody },
      responses: { 204: null },
      // Wrong current passwords count towards the sign-in lockout of the account's e-mail (429 with Retry-After).
      problems: { 403: ['invalid-credentials'], 404: ['not-found'], 422: ['password-unchanged'], 429: ['too-many-attempts'] },
      handler: async ({ principal, body }, reply) => {
        try {
          await changePassword(deps, principal!, body.current_password, body.new_password)
        } catch (err) {
          if (err instanceof TooManyAttempts) void reply.header('retry-after', String(err.retryAfter))
          throw err
        }
        return reply.status(204).send()
      },
    }),
    route({
      method: 'POST',
      url: '/auth/mfa/recovery-codes',
      summary: 'Issues new recovery codes (the old ones stop working) for an account with a second factor',
      auth: { ...ANY_ROLE, mfa: true },
      responses: { 200: RecoveryCodesAnswer },
      problems: { 404: ['not-found'], 409: ['mfa-not-enabled'] },
      handler: async ({ principal }, reply) => {
        void reply.header('cache-control', 'no-store')
        return renewRecoveryCodes(deps, principal!.sub)
      },
    }),
    route({
      method: 'POST',
      url: '/auth/signing-keys/rotate',
      summary:
        'Rotates the token-signing keys: a successor published now that signs in 10 minutes; with {compromised: true} it signs at once and every other key is retired (their tokens stop verifying)',
      auth: { roles: ['admin'], mfa: true },
      schema: { body: RotateBody },
      responses: { 200: RotationAnswer },
      handler: async ({ body }) => deps.rotateSigningKeys(body.compromised ? 'compromised' : 'requested'),
    }),
    route({
      method: 'GET',
      url: '/.well-known/jwks.json',
      summary: 'The public keys (JWKS) that verify access tokens',
      auth: { public: true, why: 'public keys: every verifier, inside the platform or not, needs them' },
      responses: { 200: Jwks },
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
      responses: { 201: TotpSecret },
      problems: { 404: ['not-found'], 409: ['mfa-already-enabled'] },
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
      schema: { body: TotpActivateBody },
      responses: { 200: TotpActivated },
      problems: { 404: ['not-found'], 409: ['mfa-already-enabled', 'mfa-not-started'], 422: ['invalid-code'] },
      handler: async ({ principal, body }, reply) => {
        void reply.header('cache-control', 'no-store')
        return confirmTotpEnrolment(deps, principal!.sub, body.code)
      },
    }),
  ]
}
