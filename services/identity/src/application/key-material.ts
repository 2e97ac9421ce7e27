import { deriveKey, open, seal, type Database } from '@apotheca/kernel'
import { accountsToRewrap, insertKeyMaterial, keyMaterial, rewrapKeyMaterial, setWrappedDek } from '../db/key-material.repository.ts'
import { createPhiVault, derivedIndexKeys, kekIdOf, type IndexKeys, type PhiVault } from './phi-vault.ts'
import type { IdentityDeps } from './deps.ts'

/** The process's master key, and the one being rotated away from (APOTHECA_MASTER_KEY_PREVIOUS). */
export interface MasterKeys {
  current: Buffer
  previous?: Buffer | undefined
}

const wrapKey = (master: Buffer) => deriveKey(master, 'identity:key-material')
const aad = (name: string) => `identity.key_material:${name}`

/**
 * The vault, with its index keys read from identity.key_material. The first start stores the keys as
 * they were derived until then (from the previous master key if one is given: that is the one the
 * existing indexes were made with); a key still wrapped under the previous master key is re-wrapped.
 */
export async function loadPhiVault(db: Database, keys: MasterKeys): Promise<PhiVault> {
  const current = wrapKey(keys.current)
  const previous = keys.previous ? wrapKey(keys.previous) : undefined
  const initial = derivedIndexKeys(keys.previous ?? keys.current)
  const names: Array<keyof IndexKeys> = ['email', 'fingerprint']
  for (const name of names)
    await insertKeyMaterial(db, { name, wrapped: seal(current, initial[name], aad(name)), kek_id: kekIdOf(current) })
  const stored = new Map((await keyMaterial(db)).map((r) => [r.name, r]))
  const out = {} as IndexKeys
  for (const name of names) {
    const row = stored.get(name)!
    if (row.kek_id === kekIdOf(current)) {
      out[name] = open(current, row.wrapped, aad(name))
      continue
    }
    if (!previous || row.kek_id !== kekIdOf(previous))
      throw new Error(`identity key material "${name}" is wrapped under neither APOTHECA_MASTER_KEY nor APOTHECA_MASTER_KEY_PREVIOUS`)
    out[name] = open(previous, row.wrapped, aad(name))
    await rewrapKeyMaterial(db, { name, wrapped: seal(current, out[name], aad(name)), kek_id: kekIdOf(current) })
  }
  return createPhiVault(keys.current, { previous: keys.previous, indexKeys: out })
}

/**
 * Re-wraps up to `batch` accounts' DEKs after `after` under the current master key, in one short
 * transaction (rows locked one batch at a time, skipped by other replicas: no downtime). A DEK that
 * opens under neither key is left as it is and counted, never allowed to stop the others.
 */
export async function rewrapBatch(deps: Pick<IdentityDeps, 'db' | 'vault'>, after: string, batch = 200) {
  return deps.db.transaction(async (tx) => {
    const rows = await accountsToRewrap(tx, deps.vault.kekId, after, batch)
    let rewrapped = 0
    for (const r of rows) {
      let wrapped: string
      try {
        wrapped = deps.vault.rewrap(r.account_id, r.wrapped_dek)
      } catch {
        continue
      }
      await setWrappedDek(tx, r.account_id, wrapped, deps.vault.kekId)
      rewrapped++
    }
    return { seen: rows.length, rewrapped, last: rows.at(-1)?.account_id }
  })
}

/** One pass over every account not yet under the current master key; returns how many were re-wrapped. */
export async function rewrapAll(deps: Pick<IdentityDeps, 'db' | 'vault' | 'log'>): Promise<number> {
  let total = 0
  let unreadable = 0
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const b = await rewrapBatch(deps, after)
    total += b.rewrapped
    unreadable += b.seen - b.rewrapped
    if (!b.last) break
    after = b.last
  }
  if (total) deps.log.info({ rewrapped: total }, 'data keys re-wrapped under the current master key')
  if (unreadable) deps.log.warn({ unreadable }, 'data keys wrapped under neither master key were left as they are')
  return total
}
