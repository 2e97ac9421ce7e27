import { randomBytes } from 'node:crypto'
import { postgresDatabase } from '@apotheca/kernel'

/**
 * A PostgreSQL database of this test file's own on the server of APOTHECA_TEST_DATABASE_URL, so a
 * test may load catalog data another file would see; dropped by `drop()`.
 */
export async function ownDatabase(prefix = 'catalog_test'): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.APOTHECA_TEST_DATABASE_URL
  if (!base) throw new Error('APOTHECA_TEST_DATABASE_URL is not set: start PostgreSQL with scripts/services/postgres.sh start')
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = postgresDatabase(base, 1)
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    },
  }
}
