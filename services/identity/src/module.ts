import type { ServiceModule } from '@apotheca/kernel'
import { createPhiVault } from './application/phi-vault.ts'
import { loadSigningKeys, type SigningKeys } from './application/signing-keys.ts'
import { createTokenService } from './application/tokens.ts'
import { seedDemo } from './application/seed-demo.ts'
import { dummyHash } from './application/passwords.ts'
import { purgeMfaChallengesJob } from './application/purge-mfa-challenges.ts'
import type { IdentityDeps } from './application/deps.ts'
import { authRoutes } from './http/auth.routes.ts'
import { patientRoutes } from './http/patients.routes.ts'
import { staffRoutes } from './http/staff.routes.ts'

/** identity: accounts of every role, encrypted patient data, passwords and TOTP, JWT access tokens and their JWKS. */
export default {
  name: 'identity',
  migrations: new URL('./db/migrations/', import.meta.url),
  create(ctx) {
    // Loaded once (start() awaits it); a failed load is tried again on the next use.
    let keys: Promise<SigningKeys> | undefined
    const signingKeys = () => (keys ??= loadSigningKeys(ctx.db, ctx.secrets.masterKey).catch((err) => { keys = undefined; throw err }))
    const deps: IdentityDeps = {
      db: ctx.db,
      publish: ctx.publish,
      log: ctx.log,
      vault: createPhiVault(ctx.secrets.masterKey),
      tokens: createTokenService(signingKeys),
    }
    return {
      routes: [...authRoutes(deps), ...patientRoutes(deps), ...staffRoutes(deps)],
      jobs: [purgeMfaChallengesJob(deps)],
      seedDemo: () => seedDemo(deps),
      start: async () => { await Promise.all([signingKeys(), dummyHash()]) },
    }
  },
} satisfies ServiceModule
