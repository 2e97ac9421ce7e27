import type { ServiceModule } from '@apotheca/kernel'
import { loadPhiVault, rewrapAll } from './application/key-material.ts'
import { loadSigningKeys, type SigningKeys } from './application/signing-keys.ts'
import { createTokenService } from './application/tokens.ts'
import { seedDemo } from './application/seed-demo.ts'
import { dummyHash } from './application/passwords.ts'
import { purgeMfaChallengesJob } from './application/purge-mfa-challenges.ts'
import type { IdentityDeps } from './application/deps.ts'
import { authRoutes } from './http/auth.routes.ts'
import { patientRoutes } from './http/patients.routes.ts'
import { staffRoutes } from './http/staff.routes.ts'
import { consentRoutes } from './http/consent.routes.ts'
import { practitionerRoutes } from './http/practitioners.routes.ts'

/** identity: accounts of every role, encrypted patient data, passwords and TOTP, JWT access tokens and their JWKS. */
export default {
  name: 'identity',
  migrations: new URL('./db/migrations/', import.meta.url),
  async create(ctx) {
    const previous = ctx.config.APOTHECA_MASTER_KEY_PREVIOUS ? Buffer.from(ctx.config.APOTHECA_MASTER_KEY_PREVIOUS, 'base64') : undefined
    // Loaded once (start() awaits it); a failed load is tried again on the next use.
    let keys: Promise<SigningKeys> | undefined
    const signingKeys = () => (keys ??= loadSigningKeys(ctx.db, ctx.secrets.masterKey, previous).catch((err) => { keys = undefined; throw err }))
    const deps: IdentityDeps = {
      db: ctx.db,
      publish: ctx.publish,
      log: ctx.log,
      vault: await loadPhiVault(ctx.db, { current: ctx.secrets.masterKey, previous }),
      tokens: createTokenService(signingKeys),
    }
    let rewrapping: Promise<unknown> | undefined
    // Master-key rotation runs beside the traffic: every DEK opens under either key until it is re-wrapped.
    const rewrap = () => (rewrapping ??= rewrapAll(deps).finally(() => { rewrapping = undefined }))
    return {
      routes: [...authRoutes(deps), ...patientRoutes(deps), ...consentRoutes(deps), ...staffRoutes(deps), ...practitionerRoutes(deps.db)],
      jobs: [purgeMfaChallengesJob(deps), { name: 'rewrap-data-keys', everyMs: 60_000, run: async () => { await rewrap() } }],
      seedDemo: () => seedDemo(deps),
      start: async () => {
        await Promise.all([signingKeys(), dummyHash()])
        void rewrap().catch((err) => ctx.log.warn({ err: (err as Error).message }, 're-wrapping data keys failed; the job tries again'))
      },
      stop: async () => { await rewrapping?.catch(() => {}) },
    }
  },
} satisfies ServiceModule
