import { createHash } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose'
import { Role } from '@apotheca/contracts'
import { Problem } from '../http/problem.ts'
import type { Principal } from './principal.ts'
import type { TokenVerifier } from './tokens.ts'

export interface OidcOptions {
  issuer: string
  audience: string
  /** Claim holding the roles: a plain name ('roles'), a namespaced URL claim, or a dotted path ('realm_access.roles'). */
  rolesClaim: string
  /** Fetch used for discovery (tests and proxies); the global fetch otherwise. */
  fetch?: typeof fetch
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The subject as our services store it: a UUID (their owner and actor columns are uuid). A provider's
 * own subject (Auth0 "auth0|abc", Okta "00u…") becomes a name-based UUID (RFC 9562 v5 layout) of
 * issuer and subject, so one outside user is always the same id here and two issuers never collide.
 */
export function subjectId(issuer: string, sub: string): string {
  if (UUID.test(sub)) return sub.toLowerCase()
  const h = createHash('sha1').update(`${issuer}\n${sub}`).digest()
  h[6] = (h[6]! & 0x0f) | 0x50
  h[8] = (h[8]! & 0x3f) | 0x80
  const x = h.subarray(0, 16).toString('hex')
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`
}

/** The claim's value: by its exact name first (namespaced claims hold dots), then as a dotted path. */
export function claimValue(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name]
  let v: unknown = claims
  for (const part of name.split('.')) {
    if (!v || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[part]
  }
  return v
}

/** The first of the token's roles that is one of ours; space-separated strings count as lists (scope style). */
export function mapRole(value: unknown): Role | undefined {
  const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : []
  for (const r of list) {
    const parsed = Role.safeParse(r.toLowerCase())
    if (parsed.success) return parsed.data
  }
  return undefined
}

/** Thrown for a valid token that carries none of our roles: answered 403, not 401 (we know who, not what). */
export const noKnownRole = () =>
  new Problem(403, 'no-role', 'The token carries no role of this service', 'ask your administrator for a role')

/**
 * Verifies access tokens of an outside OpenID provider (Auth0, Okta, Keycloak): its JWKS is found by
 * discovery (`/.well-known/openid-configuration` → `jwks_uri`) on first use and cached by jose, which
 * fetches it again when a token names a key it has not seen (rotation at the provider).
 */
export function oidcVerifier(opts: OidcOptions): TokenVerifier {
  const doFetch = opts.fetch ?? fetch
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined
  let discovering: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined
  const discover = () =>
    (discovering ??= (async () => {
      const url = `${opts.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
      const r = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5000) })
      if (!r.ok) throw new Error(`OIDC discovery answered ${r.status}`)
      const meta = (await r.json()) as { issuer?: string; jwks_uri?: string }
      // OpenID Connect Discovery §4.3: the document must name the issuer we asked about.
      if (meta.issuer !== opts.issuer) throw new Error('OIDC discovery names another issuer')
      if (!meta.jwks_uri) throw new Error('OIDC discovery has no jwks_uri')
      jwks = createRemoteJWKSet(new URL(meta.jwks_uri), { timeoutDuration: 5000, cooldownDuration: 10_000 })
      return jwks
    })().finally(() => {
      discovering = undefined
    }))
  return async (token) => {
    const keys = jwks ?? (await discover())
    const { payload } = await jwtVerify(token, keys, {
      issuer: opts.issuer,
      audience: opts.audience,
      algorithms: ['RS256', 'PS256', 'ES256', 'EdDSA'],
      requiredClaims: ['exp', 'sub'],
    })
    return principalFromOidc(payload, opts)
  }
}

/** Maps a verified provider token to our principal; no known role → 403 problem. */
export function principalFromOidc(claims: JWTPayload, opts: Pick<OidcOptions, 'issuer' | 'rolesClaim'>): Principal {
  const role = mapRole(claimValue(claims as Record<string, unknown>, opts.rolesClaim))
  if (!role) throw noKnownRole()
  const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : []
  // Providers say "mfa" or "otp" (RFC 8176) when a second factor was used; we speak 'otp'.
  const mfa = amr.includes('otp') || amr.includes('mfa')
  const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : undefined
  return {
    sub: subjectId(opts.issuer, claims.sub!),
    role,
    amr: mfa && !amr.includes('otp') ? [...amr, 'otp'] : amr,
    ...(mfa && authTime ? { mfa_at: authTime } : {}),
  }
}
