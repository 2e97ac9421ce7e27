import { PASSWORD_RESET_DELIVERY } from '@apotheca/contracts'
import { deriveKey, seal, type Database, type Logger, type Publish, type ServiceContext } from '@apotheca/kernel'
import { loadPhiVault } from './key-material.ts'
import { createTokenService } from './tokens.ts'
import { limitsFrom } from './throttle.ts'
import type { PhiVault } from './phi-vault.ts'
import type { TokenService } from './tokens.ts'
import { loadSigningKeys, rotateSigningKeys, type RotationReason, type SigningKeys } from './signing-keys.ts'
import type { ThrottleLimits } from './throttle.ts'

/** What identity's use cases work with: its database, its outbox, its keys. */
export interface IdentityDeps {
  db: Database
  publish: Publish
  log: Logger
  vault: PhiVault
  tokens: TokenService
  /** The token-signing keys as loaded (again each minute, so every replica follows a rotation). */
  signingKeys: () => Promise<SigningKeys>
  /** Rotates the token-signing keys now (the master key that seals them stays out of the use cases). */
  rotateSigningKeys: (reason: RotationReason) => ReturnType<typeof rotateSigningKeys>
  /** Seals a password-reset token for notifications (under a key derived from the master key; ADR 0011). */
  sealResetToken: (resetId: string, accountId: string, token: string) => string
  /** Sign-in and password-reset throttles (DEFAULT_LIMITS unless the deployment raises them). */
  limits: ThrottleLimits
}

/** How long a replica uses its loaded signing keys before reading them again. */
const KEYS_CACHE_MS = 60_000

/** Builds the dependencies from the runtime's context: its database, outbox, secrets and configuration. */
export async function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'log' | 'secrets' | 'config'>): Promise<IdentityDeps> {
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
  return {
    db: ctx.db,
    publish: ctx.publish,
    log: ctx.log,
    vault: await loadPhiVault(ctx.db, { current: ctx.secrets.masterKey, previous }),
    tokens: createTokenService(signingKeys),
    rotateSigningKeys: rotate,
    signingKeys,
    sealResetToken: (resetId, accountId, token) => seal(resetSealKey, token, PASSWORD_RESET_DELIVERY.aad(resetId, accountId)),
    limits: limitsFrom(ctx.config),
  }
}
