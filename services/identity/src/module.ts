import type { ServiceModule } from '@apotheca/kernel'
import { rewrapAll } from './application/key-material.ts'
import { seedDemo } from './application/seed-demo.ts'
import { dummyHash } from './application/passwords.ts'
import { purgeJobs } from './application/purge-jobs.ts'
import { depsFrom } from './application/deps.ts'
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
    const deps = await depsFrom(ctx)
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
        ...practitionerRoutes(deps),
      ],
      jobs: [
        ...purgeJobs(deps),
        {
          name: 'rotate-signing-keys',
          everyMs: 10 * 60_000,
          run: async () => {
            await deps.rotateSigningKeys('scheduled')
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
        await Promise.all([deps.signingKeys(), dummyHash()])
        void rewrap().catch((err) => deps.log.warn({ err: (err as Error).message }, 're-wrapping data keys failed; the job tries again'))
      },
      stop: async () => {
        await rewrapping?.catch(() => {})
      },
    }
  },
} satisfies ServiceModule
