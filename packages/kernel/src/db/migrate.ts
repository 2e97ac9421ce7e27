import { readdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import type { Database } from './database.ts'

/** The tables the kernel gives every service schema: outbox, inbox and parked (poison) messages. */
function kernelTables(schema: string) {
  return /* sql */ `
    CREATE TABLE IF NOT EXISTS ${schema}.outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      type text NOT NULL,
      aggregate_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      payload jsonb NOT NULL,
      traceparent text,
      published_at timestamptz,
      lease_until timestamptz
    );
    CREATE INDEX IF NOT EXISTS outbox_unpublished ON ${schema}.outbox (seq) WHERE published_at IS NULL;
    CREATE TABLE IF NOT EXISTS ${schema}.inbox (
      event_id uuid NOT NULL,
      consumer text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (event_id, consumer)
    );
    CREATE TABLE IF NOT EXISTS ${schema}.inbox_failures (
      event_id uuid NOT NULL,
      consumer text NOT NULL,
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      parked_at timestamptz,
      envelope jsonb,
      PRIMARY KEY (event_id, consumer)
    );
    CREATE TABLE IF NOT EXISTS ${schema}.idempotency_keys (
      key text NOT NULL,
      scope text NOT NULL,
      request_hash text NOT NULL,
      state text NOT NULL,
      status_code int,
      response jsonb,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (scope, key)
    );
    CREATE TABLE IF NOT EXISTS ${schema}.webhook_receipts (
      signature_hash text PRIMARY KEY,
      received_at timestamptz NOT NULL DEFAULT now()
    );`
}

/** Applies a service's forward-only SQL migrations (files NNNN_name.sql) in its own schema. */
export async function migrate(db: Database, schema: string, dir: URL): Promise<string[]> {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
  const applied: string[] = []
  await db.transaction(async (tx) => {
    // Two replicas of one service may start together: serialise their migrations.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migrate:${schema}`])
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await tx.query(`CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
    await tx.exec(kernelTables(schema))
    const done = new Map(
      (await tx.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${schema}.schema_migrations`)).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    )
    for (const file of files) {
      const sql = readFileSync(new URL(file, dir), 'utf8')
      const checksum = createHash('sha256').update(sql).digest('hex')
      const seen = done.get(file)
      if (seen) {
        if (seen !== checksum) throw new Error(`migration ${schema}/${file} changed after it was applied`)
        continue
      }
      await tx.exec(sql)
      await tx.query(`INSERT INTO ${schema}.schema_migrations (name, checksum) VALUES ($1, $2)`, [file, checksum])
      applied.push(file)
    }
  })
  return applied
}
