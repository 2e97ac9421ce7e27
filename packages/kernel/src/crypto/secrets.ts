import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from '../config.ts'

/** The process's root secrets: the master key (wraps data keys) and the service-to-service secret. */
export interface Secrets {
  masterKey: Buffer
  internalSecret: string
}

/**
 * From the environment; in embedded mode, missing ones are generated once into the data folder
 * (mode 0600), so a restart finds the same keys. Distributed mode must be given both.
 */
export function loadSecrets(config: Config): Secrets {
  const file = join(config.APOTHECA_DATA, 'secrets.json')
  let stored: { master_key?: string; internal_secret?: string } = {}
  if (!config.DATABASE_URL) {
    if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8'))
    if (!stored.master_key || !stored.internal_secret) {
      stored = { master_key: randomBytes(32).toString('base64'), internal_secret: randomBytes(32).toString('base64url'), ...stored }
      mkdirSync(config.APOTHECA_DATA, { recursive: true })
      writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 })
    }
  }
  const master = config.APOTHECA_MASTER_KEY ?? stored.master_key
  const internal = config.APOTHECA_INTERNAL_SECRET ?? stored.internal_secret
  if (!master || !internal) {
    throw new Error('Invalid configuration:\n  APOTHECA_MASTER_KEY and APOTHECA_INTERNAL_SECRET are required when DATABASE_URL is set')
  }
  return { masterKey: Buffer.from(master, 'base64'), internalSecret: internal }
}
