import type { ServiceModule } from '@apotheca/kernel'
import { auditRoutes } from './http/audit.routes.ts'
import { checkpointRoutes } from './http/checkpoints.routes.ts'
import { archiveRoutes } from './http/archive.routes.ts'
import { recordEvent } from './application/record-event.ts'
import { signCheckpoints } from './application/sign-checkpoints.ts'
import { archiveLog } from './application/archive-log.ts'
import { registerSigningKey } from './db/checkpoint.repository.ts'
import { depsFrom } from './application/deps.ts'

/** How often the head is signed (only when entries were added since the last checkpoint). */
export const CHECKPOINT_EVERY_MS = 60_000
/** How often checkpointed ranges not yet archived are written to the archive (ADR 0012). */
export const ARCHIVE_EVERY_MS = 5 * 60_000

/** audit: the tamper-evident, hash-chained log of every event of the platform, with signed checkpoints and an archive. */
export default {
  name: 'audit',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: (ctx) => {
    const deps = depsFrom(ctx)
    return {
      routes: [...auditRoutes(deps), ...checkpointRoutes(deps), ...archiveRoutes(deps)],
      consumers: [recordEvent],
      jobs: [
        {
          name: 'audit.sign-checkpoints',
          everyMs: CHECKPOINT_EVERY_MS,
          run: async () => {
            await signCheckpoints(deps.db, deps.key, deps.log)
          },
        },
        {
          name: 'audit.archive',
          everyMs: ARCHIVE_EVERY_MS,
          run: async () => {
            await archiveLog(deps.db, deps.archive(), deps.log)
          },
        },
      ],
      // The public half is stored before the first signature, so every checkpoint's key stays published after a rotation.
      start: () => registerSigningKey(deps.db, deps.key.keyId, deps.key.publicJwk),
    }
  },
} satisfies ServiceModule
