import type { Tx } from '@apotheca/kernel'
import { insertDriver } from '../db/driver.repository.ts'

/** Adds a driver account to our fleet (available, location unknown until they report one). */
export async function registerDriver(tx: Tx, accountId: string): Promise<void> {
  await insertDriver(tx, accountId)
}
