import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, decodeJwt } from 'jose'
import Provider from 'oidc-provider'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import { subjectId } from '@apotheca/kernel'
import { modulesFor } from '../src/modules.ts'

// OIDC mode against a real OpenID provider (oidc-provider, the certified implementation) running in
// this process on a socket: discovery, JWKS over HTTP, client-credentials tokens issued as JWTs for our
// resource (audience). Each client stands for a user of the outside directory with its roles.
const AUDIENCE = 'urn:apotheca:api'
const OTHER_AUDIENCE = 'urn:someone-else:api'
const ROLES_CLAIM = 'https://apotheca.dev/roles'
const CLIENTS: Record<string, { roles: string[]; ttl?: number }> = {
  'pharmacist-app': { roles: ['offline_access', 'Pharmacist'] },
  'patient-app': { roles: ['patient'] },
  'viewer-app': { roles: ['viewer', 'reporting'] },
  'short-lived-app': { roles: ['pharmacist'], ttl: 4 },
}
const SECRET = 'a-client-secret-of-at-least-32-characters'

interface RunningProvider {
  issuer: string
  server: Server
  token(client: string, resource?: string): Promise<string>
}

/** Starts an OpenID provider on a free port; `issuer` overrides the issuer it names (a forger's). */
async function startProvider(issuerOverride?: string): Promise<RunningProvider> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const issuer = issuerOverride ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const provider = new Provider(issuer, {
    jwks: {
      keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: `k-${Math.random().toString(36).slice(2)}` }] as any,
    },
    clients: Object.keys(CLIENTS).map((client_id) => ({
      client_id,
      client_secret: SECRET,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string, client: { clientId: string }) => ({
          scope: 'api',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: CLIENTS[client.clientId]?.ttl ?? 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    ttl: { ClientCredentials: (_ctx: unknown, _token: unknown, client: { clientId: string }) => CLIENTS[client.clientId]?.ttl ?? 600 },
    extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) => ({ [ROLES_CLAIM]: CLIENTS[token.clientId ?? '']?.roles ?? [] }),
  } as any)
  server.on('request', provider.callback())
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    issuer,
    server,
    async token(client, resource = AUDIENCE) {
      const r = await fetch(`${base}/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${client}:${SECRET}`).toString('base64')}`,
        },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api', resource }),
      })
      const json = (await r.json()) as { access_token?: string }
      assert.equal(r.status, 200, JSON.stringify(json))
      return json.access_token!
    },
  }
}

/** Registers the OIDC tests on the given backend. */
export function oidcSuite(backend: 'pglite' | 'postgres') {
  let idp: RunningProvider
  let stranger: RunningProvider
  let forger: RunningProvider
  let rt: TestRuntime
  before(async () => {
    idp = await startProvider()
    stranger = await startProvider()
    forger = await startProvider(idp.issuer)
    rt = await startTestRuntime({
      modules: modulesFor(['identity', 'prescriptions']),
      backend,
      env: { OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: AUDIENCE, OIDC_ROLES_CLAIM: ROLES_CLAIM },
    })
  })
  after(async () => {
    await rt?.close()
    for (const p of [idp, stranger, forger]) p?.server.close()
  })

  const queue = (token?: string) => rt.request('GET', '/prescriptions/queue', token ? { token } : {})

  test('a token of the provider reaches a protected route with the role mapped from the namespaced claim', async () => {
    const token = await idp.token('pharmacist-app')
    assert.equal(decodeJwt(token).aud, AUDIENCE, 'the provider issued a JWT for our resource')
    const r = await queue(token)
    assert.equal(r.status, 200, JSON.stringify(r.json))
    assert.ok(Array.isArray(r.json.prescriptions ?? r.json.items ?? r.json), 'the queue answers')
  })

  test('the mapped role is enforced: a patient token is refused a staff route, a token with no known role gets 403', async () => {
    const asPatient = await queue(await idp.token('patient-app'))
    assert.equal(asPatient.status, 403)
    const noRole = await queue(await idp.token('viewer-app'))
    assert.equal(noRole.status, 403)
    assert.equal(noRole.json.type, 'https://apotheca.dev/problems/no-role')
  })

  test('the subject is a stable UUID derived from issuer and subject', async () => {
    const token = await idp.token('patient-app')
    const sub = String(decodeJwt(token).sub)
    const id = subjectId(idp.issuer, sub)
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Ownership follows the derived id: the patient sees their own (empty) list and not another's.
    assert.equal((await rt.request('GET', `/patients/${id}/prescriptions`, { token })).status, 200)
    assert.equal((await rt.request('GET', `/patients/${crypto.randomUUID()}/prescriptions`, { token })).status, 404)
  })

  test('wrong audience, another issuer, a forged key and an expired token are all 401', async () => {
    const wrongAudience = await idp.token('pharmacist-app', OTHER_AUDIENCE)
    assert.equal(decodeJwt(wrongAudience).aud, OTHER_AUDIENCE)
    assert.equal((await queue(wrongAudience)).status, 401)
    assert.equal((await queue(await stranger.token('pharmacist-app'))).status, 401, 'a token of another provider')
    const forged = await forger.token('pharmacist-app')
    assert.equal(decodeJwt(forged).iss, idp.issuer, 'the forger names our issuer')
    assert.equal((await queue(forged)).status, 401, 'signed by a key the provider never published')
    const shortLived = await idp.token('short-lived-app')
    assert.equal((await queue(shortLived)).status, 200, 'valid while fresh')
    await new Promise((r) => setTimeout(r, 5000))
    const expired = await queue(shortLived)
    assert.equal(expired.status, 401)
    assert.equal(expired.json.type, 'https://apotheca.dev/problems/unauthorized')
    assert.equal((await queue('not.a.jwt')).status, 401)
    assert.equal((await queue()).status, 401)
  })

  test('the built-in identity provider keeps working beside OIDC', async () => {
    const tag = crypto.randomUUID().slice(0, 8)
    const body = {
      name: `Grace Hopper ${tag}`,
      date_of_birth: '1986-12-09',
      email: `grace.${tag}@example.test`,
      password: 'Correct-Horse-Battery-9',
      phone: '+12125550123',
      address: { line1: `${tag} Fifth Avenue`, city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
    }
    const reg = await rt.request('POST', '/patients/register', { body })
    assert.equal(reg.status, 201, JSON.stringify(reg.json))
    const login = await rt.request('POST', '/auth/login', { body: { email: body.email, password: body.password } })
    assert.equal(login.status, 200)
    const own = await rt.request('GET', `/patients/${reg.json.patient_id}/prescriptions`, { token: login.json.access_token })
    assert.equal(own.status, 200, JSON.stringify(own.json))
    assert.equal((await queue(login.json.access_token)).status, 403)
  })
}
