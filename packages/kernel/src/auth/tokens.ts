import { SignJWT, createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose'
import { Role } from '@apotheca/contracts'
import type { Principal } from './principal.ts'

export const ISSUER = 'apotheca'
export const AUDIENCE = 'apotheca'
const INTERNAL_AUDIENCE = 'apotheca-internal'

/** Verifies an access token and returns its principal; throws on anything invalid. */
export type TokenVerifier = (token: string) => Promise<Principal>

/** Maps verified claims to a principal; an unknown role is refused. */
export function principalFromClaims(claims: JWTPayload & { role?: unknown; amr?: unknown; mfa_at?: unknown }): Principal {
  const role = Role.parse(claims.role)
  if (!claims.sub) throw new Error('token has no subject')
  return {
    sub: claims.sub,
    role,
    amr: Array.isArray(claims.amr) ? claims.amr.map(String) : [],
    ...(typeof claims.mfa_at === 'number' ? { mfa_at: claims.mfa_at } : {}),
  }
}

/**
 * Verifies tokens against a JWKS fetched by `load` (identity's /.well-known/jwks.json, in process or
 * over HTTP). The key set is cached and fetched again, at most every 10 s, when a token names an unknown
 * key (a successor that started signing), and once it is older than `maxAgeMs` (so a retired key stops
 * verifying within that time).
 */
export function jwksVerifier(
  load: () => Promise<JSONWebKeySet>,
  opts = { issuer: ISSUER, audience: AUDIENCE, maxAgeMs: 60_000 },
): TokenVerifier {
  let keys: ReturnType<typeof createLocalJWKSet> | undefined
  let loadedAt = 0
  let loading: Promise<void> | undefined
  // One load at a time: a burst of first requests shares it instead of each fetching the keys.
  const refresh = () =>
    (loading ??= load()
      .then((jwks) => {
        keys = createLocalJWKSet(jwks)
        loadedAt = Date.now()
      })
      .finally(() => {
        loading = undefined
      }))
  return async (token) => {
    if (!keys) await refresh()
    // Stale: fetch again, but keep verifying with the old set if identity cannot answer right now.
    else if (Date.now() - loadedAt > opts.maxAgeMs) await refresh().catch(() => {})
    try {
      const { payload } = await jwtVerify(token, keys!, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms: ['EdDSA', 'ES256', 'RS256'],
      })
      return principalFromClaims(payload)
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_JWKS_NO_MATCHING_KEY' && Date.now() - loadedAt > 10_000) {
        await refresh()
        const { payload } = await jwtVerify(token, keys!, {
          issuer: opts.issuer,
          audience: opts.audience,
          algorithms: ['EdDSA', 'ES256', 'RS256'],
        })
        return principalFromClaims(payload)
      }
      throw err
    }
  }
}

/**
 * OIDC mode: tokens whose (unverified) `iss` names the outside provider go to its verifier, all others
 * to identity's. Choosing by an unverified claim is safe because each verifier checks the issuer itself.
 */
export function issuerSwitch(outside: TokenVerifier, issuer: string, own: TokenVerifier): TokenVerifier {
  return (token) => {
    let iss: unknown
    try {
      iss = decodeJwt(token).iss
    } catch {
      return Promise.reject(new Error('malformed token'))
    }
    return iss === issuer ? outside(token) : own(token)
  }
}

/** Short-lived HS256 token one service of ours shows another (internal routes only). */
export function internalTokens(secret: string, service: string) {
  const key = new TextEncoder().encode(secret)
  let cached: { token: string; until: number } | undefined
  return {
    async mint(): Promise<string> {
      if (cached && cached.until > Date.now()) return cached.token
      const token = await new SignJWT({ svc: service })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(INTERNAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key)
      cached = { token, until: Date.now() + 4 * 60_000 }
      return token
    },
    async verify(token: string): Promise<Principal> {
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: INTERNAL_AUDIENCE, algorithms: ['HS256'] })
      return { sub: `service:${String(payload.svc)}`, role: 'service', amr: [], service: String(payload.svc) }
    },
  }
}
