import type { Database, Logger, Publish, ServiceContext } from '@apotheca/kernel'
import type { ArchiveStore } from '../archive/archive-store.ts'
import { openArchiveStore } from '../archive/open-archive-store.ts'
import { checkpointKey, type CheckpointKey } from './checkpoint-key.ts'

/** What the routes, consumers and jobs of audit work with; built once by depsFrom. */
export interface AuditDeps {
  db: Database
  publish: Publish
  log: Logger
  /** Signs checkpoints (Ed25519, derived from the master key). */
  key: CheckpointKey
  /** The archive, opened on first use (ADR 0012). */
  archive: () => ArchiveStore
}

/** Builds the dependencies from the runtime's context: its database, outbox, secrets and configuration. */
export function depsFrom(ctx: Pick<ServiceContext, 'db' | 'publish' | 'log' | 'secrets' | 'config'>): AuditDeps {
  let store: ArchiveStore | undefined
  return {
    db: ctx.db,
    publish: ctx.publish,
    log: ctx.log,
    key: checkpointKey(ctx.secrets.masterKey),
    archive: () => (store ??= openArchiveStore(ctx.config)),
  }
}
