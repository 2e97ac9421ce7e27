import type { EventEnvelope } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import { GENESIS, entryHash, resourceIds } from '../domain/chain.ts'
import { insertEntry, lockHead } from '../db/entry.repository.ts'

/** Appends every event of the platform to the hash chain, once (the inbox dedupes redeliveries). */
export const recordEvent: Consumer = {
  name: 'audit.record-event',
  types: '*',
  async handle(env: EventEnvelope, { transaction }) {
    await transaction(async (tx) => {
      const head = await lockHead(tx)
      const payload: Record<string, unknown> = env.payload
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        event_id: env.id,
        event_type: env.type,
        resource_id: env.aggregate_id,
        resource_ids: resourceIds(env.aggregate_id, payload),
        actor: typeof payload.actor_id === 'string' ? payload.actor_id : null,
        occurred_at: new Date(env.occurred_at).toISOString(),
        details: payload,
        prev_hash: head?.hash ?? GENESIS,
      }
      await insertEntry(tx, { ...fields, hash: entryHash(fields) })
    })
  },
}
