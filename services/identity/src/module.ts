import { deriveKey, seal, type ServiceModule } from '@apotheca/kernel'
import { PASSWORD_RESET_DELIVERY } from '@apotheca/contracts'
import { loadPhiVault, rewrapAll } from './application/key-material.ts'
import { loadSigningKeys, rotateSigningKeys, type RotationReason, type SigningKeys } from './application/signing-keys.ts'

/** How long a replica uses its loaded signing keys before reading them again. */
const KEYS_CACHE_MS = 60_000
import { createTokenService } from './application/tokens.ts'
import { seedDemo } from './application/seed-demo.ts'
import { dummyHash } from './application/passwords.ts'
import { purgeJobs } from './application/purge-jobs.ts'
import { limitsFrom } from './application/throttle.ts'
import type { IdentityDeps } from './application/deps.ts'
import { authRoutes } from './http/auth.routes.ts'
import { patientRoutes } from './http/patients.routes.ts'
import { staffRoutes } from './http/staff.routes.ts'
import { consentRoutes } from './http/consent.routes.ts'
import { practitionerRoutes } from './http/practitioners.routes.ts'
import { passwordResetRoutes } from './http/password-reset.routes.ts'

/** identity: accounts of every role, encrypted patient data, passwords and TOTP, JWT access tokens and their JWKS. */
export default {
  name: 'identity',
  migrations: new URL('./db/migrations/', import.meta.url),
  async create(ctx) {
    const previous = ctx.config.APOTHECA_MASTER_KEY_PREVIOUS ? Buffer.from(ctx.config.APOTHECA_MASTER_KEY_PREVIOUS, 'base64') : undefined
    // Loaded at start() and again each minute (so every replica follows a rotation); a failed load is tried again on the next use.
    let keys: Promise<SigningKeys> | undefined
    let loadedAt = 0
    const signingKeys = () => {
      if (!keys || Date.now() - loadedAt > KEYS_CACHE_MS) {
        loadedAt = Date.now()
        keys = loadSigningKeys(ctx.db, ctx.secrets.masterKey, previous).catch((err) => {
          keys = undefined
          throw err
        })
      }
      return keys
    }
    const rotate = async (reason: RotationReason) => {
      const r = await rotateSigningKeys(ctx, ctx.secrets.masterKey, reason)
      if (r.kid || r.retired.length) {
        keys = undefined
        ctx.log.info({ kid: r.kid, activates_at: r.activates_at, retired: r.retired, reason }, 'signing keys rotated')
      }
      return r
    }
    // Shared with notifications, which derives the same key to open the token it e-mails (ADR 0011).
    const resetSealKey = deriveKey(ctx.secrets.masterKey, PASSWORD_RESET_DELIVERY.label)
    const deps: IdentityDeps = {
      db: ctx.db,
      publish: ctx.publish,
      log: ctx.log,
      vault: await loadPhiVault(ctx.db, { current: ctx.secrets.masterKey, previous }),
      tokens: createTokenService(signingKeys),
      rotateSigningKeys: rotate,
      sealResetToken: (resetId, accountId, token) => seal(resetSealKey, token, PASSWORD_RESET_DELIVERY.aad(resetId, accountId)),
      limits: limitsFrom(ctx.config),
    }
    let rewrapping: Promise<unknown> | undefined
    // Master-key rotation runs beside the traffic: every DEK opens under either key until it is re-wrapped.
    const rewrap = () =>
      (rewrapping ??= rewrapAll(deps).finally(() => {
        rewrapping = undefined
      }))
    return {
      routes: [
        ...authRoutes(deps),
        ...patientRoutes(deps),
        ...consentRoutes(deps),
        ...staffRoutes(deps),
        ...passwordResetRoutes(deps),
        ...practitionerRoutes(deps.db),
      ],
      jobs: [
        ...purgeJobs(deps),
        {
          name: 'rotate-signing-keys',
          everyMs: 10 * 60_000,
          run: async () => {
            await rotate('scheduled')
          },
        },
        {
          name: 'rewrap-data-keys',
          everyMs: 60_000,
          run: async () => {
            await rewrap()
          },
        },
      ],
      seedDemo: () => seedDemo(deps),
      start: async () => {
        await Promise.all([signingKeys(), dummyHash()])
        void rewrap().catch((err) => ctx.log.warn({ err: (err as Error).message }, 're-wrapping data keys failed; the job tries again'))
      },
      stop: async () => {
        await rewrapping?.catch(() => {})
      },
    }
  },
} satisfies ServiceModule
