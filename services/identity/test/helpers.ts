import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createLogger, createPublisher, internalTokens, loadConfig, loadSecrets, type ServiceParts } from '@apotheca/kernel'
import type { TestRuntime } from '@apotheca/kernel/testing'
import identity from '../src/module.ts'
import { totpCode } from '../src/domain/totp.ts'
import { loadSigningKeys } from '../src/application/signing-keys.ts'
import { createTokenService, type TokenService } from '../src/application/tokens.ts'

/** A registration body with unique e-mail and name (tests isolate by unique data). */
export function newPatient(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8)
  return {
    name: `Ada Lovelace ${tag}`,
    date_of_birth: '1985-12-10',
    email: `ada.${tag}@example.test`,
    password: 'Correct-Horse-Battery-9',
    phone: '+12125550123',
    address: { line1: `${tag} Fifth Avenue`, city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
    ...overrides,
  }
}

/** Registers a patient and returns its id with the body used. */
export async function registered(rt: TestRuntime, overrides: Record<string, unknown> = {}) {
  const body = newPatient(overrides)
  const r = await rt.request('POST', '/patients/register', { body })
  if (r.status !== 201) throw new Error(`registration failed: ${r.status} ${JSON.stringify(r.json)}`)
  return { id: r.json.patient_id as string, body }
}

/** Signs in, with the TOTP code when asked for one; returns the access token. */
export async function login(rt: TestRuntime, email: string, password: string, totpSecret?: string): Promise<string> {
  const r = await rt.request('POST', '/auth/login', { body: { email, password } })
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.json)}`)
  if (r.json.access_token) return r.json.access_token
  if (!totpSecret) throw new Error('login asks for a second factor')
  const m = await rt.request('POST', '/auth/mfa/verify', { body: { mfa_token: r.json.mfa_token, code: totpCode(totpSecret) } })
  if (m.status !== 200) throw new Error(`mfa failed: ${m.status} ${JSON.stringify(m.json)}`)
  return m.json.access_token
}

/** The secrets startTestRuntime gives a PostgreSQL runtime (kernel/testing), so helpers derive the same keys. */
export const PG_SECRETS = {
  APOTHECA_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  APOTHECA_INTERNAL_SECRET: 'test-internal-secret-0123456789abcdef',
}

const onPostgres = (rt: TestRuntime) => !existsSync(join(rt.dataDir, 'pglite'))

function runtimeSecrets(rt: TestRuntime) {
  return loadSecrets(loadConfig({ APOTHECA_DATA: rt.dataDir, LOG_LEVEL: 'silent', ...(onPostgres(rt) ? PG_SECRETS : {}) }))
}

/** The runtime's master key (to derive the keys another service of ours would, e.g. for sealed events). */
export const masterKeyOf = (rt: TestRuntime): Buffer => runtimeSecrets(rt).masterKey

/** A token another service of ours would show on /internal routes. */
export async function internalToken(rt: TestRuntime, service = 'delivery'): Promise<string> {
  return internalTokens(runtimeSecrets(rt).internalSecret, service).mint()
}

/** identity's own token service over the runtime's stored key (to mint tokens at another time). */
export async function tokenServiceOf(rt: TestRuntime): Promise<TokenService> {
  const keys = await loadSigningKeys(rt.db, runtimeSecrets(rt).masterKey)
  return createTokenService(async () => keys)
}

/** A second instance of the identity module on the runtime's database (a replica, or a restart). */
export async function identityReplica(rt: TestRuntime): Promise<ServiceParts> {
  const config = loadConfig({ APOTHECA_DATA: rt.dataDir, LOG_LEVEL: 'silent', ...(onPostgres(rt) ? PG_SECRETS : {}) })
  return identity.create({
    name: 'identity',
    schema: 'identity',
    db: rt.db,
    log: createLogger('silent'),
    config,
    secrets: loadSecrets(config),
    publish: createPublisher('identity', () => {}),
    services: {
      call: async () => {
        throw new Error('no calls from a test replica')
      },
    },
  })
}

/** Events identity wrote to its outbox for one aggregate, oldest first. */
export async function outbox(rt: TestRuntime, aggregateId: string) {
  const { rows } = await rt.db.query<{ type: string; payload: any }>(
    /* sql */ `SELECT type, payload FROM identity.outbox WHERE aggregate_id = $1 ORDER BY seq`,
    [aggregateId],
  )
  return rows
}
