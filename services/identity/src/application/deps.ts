import type { Database, Logger, Publish } from '@apotheca/kernel'
import type { PhiVault } from './phi-vault.ts'
import type { TokenService } from './tokens.ts'
import type { RotationReason, rotateSigningKeys } from './signing-keys.ts'
import type { ThrottleLimits } from './throttle.ts'

/** What identity's use cases work with: its database, its outbox, its keys. */
export interface IdentityDeps {
  db: Database
  publish: Publish
  log: Logger
  vault: PhiVault
  tokens: TokenService
  /** Rotates the token-signing keys now (the master key that seals them stays out of the use cases). */
  rotateSigningKeys: (reason: RotationReason) => ReturnType<typeof rotateSigningKeys>
  /** Seals a password-reset token for notifications (under a key derived from the master key; ADR 0011). */
  sealResetToken: (resetId: string, accountId: string, token: string) => string
  /** Sign-in and password-reset throttles (DEFAULT_LIMITS unless the deployment raises them). */
  limits: ThrottleLimits
}
