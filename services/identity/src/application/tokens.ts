import { randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify, type JWK } from 'jose'
import type { Role } from '@apotheca/contracts'
import { AUDIENCE, ISSUER } from '@apotheca/kernel'
import type { SigningKeys } from './signing-keys.ts'

/** Access tokens live 15 minutes. */
export const ACCESS_TOKEN_SECONDS = 15 * 60
/** A password sign-in waits at most 5 minutes for its second factor. */
export const MFA_TOKEN_SECONDS = 5 * 60
/** The mfa token's audience: never accepted where an access token is expected, nor the reverse. */
export const MFA_AUDIENCE = 'apotheca-mfa'
/** A staff sign-in without a second factor has 10 minutes to enrol one. */
export const ENROLMENT_TOKEN_SECONDS = 10 * 60
/** The enrolment token's audience: it opens the two enrolment routes and nothing else. */
export const ENROLMENT_AUDIENCE = 'apotheca-mfa-enrolment'

/** What an access token says about its holder. */
export interface AccessClaims {
  sub: string
  role: Role
  /** Seconds since epoch when the second factor was proven; absent for a password-only sign-in. */
  mfaAt?: number
}

/** Issues and checks the tokens of identity; keys are loaded on first use. */
export interface TokenService {
  accessToken(claims: AccessClaims, nowMs?: number): Promise<string>
  mfaToken(accountId: string, challengeId: string, nowMs?: number): Promise<string>
  /** The account and challenge of a valid mfa token; throws on anything else. */
  verifyMfaToken(token: string): Promise<{ accountId: string; challengeId: string }>
  enrolmentToken(accountId: string, nowMs?: number): Promise<string>
  /** The account of a valid enrolment token; throws on anything else. */
  verifyEnrolmentToken(token: string): Promise<string>
  jwks(): Promise<{ keys: JWK[] }>
}

/** Tokens signed with identity's Ed25519 key (EdDSA), issuer and audience of the platform. */
export function createTokenService(keys: () => Promise<SigningKeys>): TokenService {
  const sign = async (payload: Record<string, unknown>, sub: string, audience: string, typ: string, seconds: number, nowMs: number) => {
    const k = await keys()
    const iat = Math.floor(nowMs / 1000)
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: k.kid, typ })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + seconds)
      .setJti(randomUUID())
      .sign(k.privateKey)
  }
  return {
    accessToken: (c, nowMs = Date.now()) =>
      sign(
        { role: c.role, amr: c.mfaAt === undefined ? ['pwd'] : ['pwd', 'otp'], ...(c.mfaAt === undefined ? {} : { mfa_at: c.mfaAt }) },
        c.sub,
        AUDIENCE,
        'at+jwt',
        ACCESS_TOKEN_SECONDS,
        nowMs,
      ),
    mfaToken: (accountId, challengeId, nowMs = Date.now()) =>
      sign({ purpose: 'mfa', challenge_id: challengeId }, accountId, MFA_AUDIENCE, 'mfa+jwt', MFA_TOKEN_SECONDS, nowMs),
    async verifyMfaToken(token) {
      const k = await keys()
      const { payload } = await jwtVerify(token, k.publicKey, {
        issuer: ISSUER,
        audience: MFA_AUDIENCE,
        algorithms: ['EdDSA'],
        typ: 'mfa+jwt',
      })
      if (payload.purpose !== 'mfa' || typeof payload.challenge_id !== 'string' || !payload.sub) throw new Error('not an mfa token')
      return { accountId: payload.sub, challengeId: payload.challenge_id }
    },
    enrolmentToken: (accountId, nowMs = Date.now()) =>
      sign({ purpose: 'mfa-enrolment' }, accountId, ENROLMENT_AUDIENCE, 'mfa-enrol+jwt', ENROLMENT_TOKEN_SECONDS, nowMs),
    async verifyEnrolmentToken(token) {
      const k = await keys()
      const { payload } = await jwtVerify(token, k.publicKey, {
        issuer: ISSUER,
        audience: ENROLMENT_AUDIENCE,
        algorithms: ['EdDSA'],
        typ: 'mfa-enrol+jwt',
      })
      if (payload.purpose !== 'mfa-enrolment' || !payload.sub) throw new Error('not an enrolment token')
      return payload.sub
    },
    jwks: async () => ({ keys: (await keys()).jwks }),
  }
}
