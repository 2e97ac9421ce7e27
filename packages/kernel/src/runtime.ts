import type { JSONWebKeySet } from 'jose'
import type { FastifyInstance } from 'fastify'
import type { ServiceName } from '@apotheca/contracts'
import type { Config } from './config.ts'
import type { Database } from './db/database.ts'
import { openDatabase } from './db/open.ts'
import { migrate } from './db/migrate.ts'
import type { Logger } from './logger.ts'
import { loadSecrets } from './crypto/secrets.ts'
import { InProcessBus, type EventBus } from './events/bus.ts'
import { createPublisher } from './events/publisher.ts'
import { subscriptionsFor } from './events/consumer.ts'
import { OutboxRelay } from './events/relay.ts'
import { buildHttpApp } from './http/app.ts'
import { createServiceCaller } from './http/caller.ts'
import { internalTokens, issuerSwitch, jwksVerifier, type TokenVerifier } from './auth/tokens.ts'
import { oidcVerifier } from './auth/oidc.ts'
import type { ServiceModule, ServiceParts } from './module.ts'
import { sha256Hex } from './crypto/canonical.ts'

/** A running process: some services, their HTTP API, relays, consumers and jobs. */
export interface Runtime {
  app: FastifyInstance
  db: Database
  bus: EventBus
  services: ServiceName[]
  /** Relays every outbox until nothing is left (tests, shutdown). */
  drain(): Promise<void>
  close(): Promise<void>
}

export interface RuntimeOptions {
  modules: ServiceModule[]
  config: Config
  log: Logger
  /** Open the bus for the config (Kafka when KAFKA_BROKERS is set); injected to keep Kafka optional here. */
  createBus?: (config: Config, log: Logger) => Promise<EventBus>
  db?: Database
  /** Wraps token verification (tests add their own signing key); `identity` checks against identity's JWKS. */
  verifyToken?: (token: string, identity: TokenVerifier) => ReturnType<TokenVerifier>
}

/** Composes service modules into one process: the same code path embedded and distributed. */
export async function startRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { config, log, modules } = opts
  const db = opts.db ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.APOTHECA_DATA }))
  const secrets = loadSecrets(config)
  const bus = opts.createBus ? await opts.createBus(config, log) : new InProcessBus()
  const local = new Set(modules.map((m) => m.name))
  let app: FastifyInstance | undefined
  const internal = internalTokens(secrets.internalSecret, [...local].join(','))
  const services = createServiceCaller({ local, app: () => app, urls: config.APOTHECA_SERVICE_URLS ?? {}, token: internal.mint })

  for (const m of modules) {
    const applied = await migrate(db, m.name, m.migrations)
    if (applied.length) log.info({ service: m.name, applied }, 'migrations applied')
  }

  const relays = new Map<string, OutboxRelay>()
  const parts: Array<[ServiceModule, ServiceParts]> = []
  for (const m of modules) {
    const relay = new OutboxRelay(db, m.name, bus, log.child({ relay: m.name }))
    relays.set(m.name, relay)
    const ctx = {
      name: m.name,
      schema: m.name,
      db,
      log: log.child({ service: m.name }),
      config,
      secrets,
      publish: createPublisher(m.name, () => relay.nudge()),
      services,
    }
    parts.push([m, await m.create(ctx)])
  }

  for (const [m, p] of parts) {
    for (const sub of subscriptionsFor(m.name, p.consumers ?? [], db, log)) bus.subscribe(sub)
  }

  const identityVerifier = jwksVerifier(async () => {
    const r = await services.call('identity', { method: 'GET', path: '/.well-known/jwks.json', anonymous: true })
    if (r.status !== 200) throw new Error(`identity answered ${r.status} for its JWKS`)
    return r.json as JSONWebKeySet
  })
  const verifier =
    config.OIDC_ISSUER && config.OIDC_AUDIENCE
      ? issuerSwitch(
          oidcVerifier({ issuer: config.OIDC_ISSUER, audience: config.OIDC_AUDIENCE, rolesClaim: config.OIDC_ROLES_CLAIM }),
          config.OIDC_ISSUER,
          identityVerifier,
        )
      : identityVerifier
  app = await buildHttpApp({
    log,
    routes: parts.flatMap(([m, p]) => p.routes.map((r) => ({ ...r, service: m.name }))),
    verifyToken: opts.verifyToken ? (t) => opts.verifyToken!(t, verifier) : verifier,
    verifyInternal: internal.verify,
    checkResponses: config.APOTHECA_CHECK_RESPONSES,
    webhookSecrets: {
      epcs: config.APOTHECA_EPCS_WEBHOOK_SECRET,
      carrier: config.APOTHECA_CARRIER_WEBHOOK_SECRET,
      payments: config.APOTHECA_PAYMENTS_WEBHOOK_SECRET,
    },
    firstSighting: async (service, signature) => {
      const r = await db.query(`INSERT INTO ${service}.webhook_receipts (signature_hash) VALUES ($1) ON CONFLICT DO NOTHING`, [
        sha256Hex(signature),
      ])
      return r.rowCount === 1
    },
    health: async () => {
      const [dbOk, busOk] = await Promise.all([
        db.query('SELECT 1').then(
          () => true,
          () => false,
        ),
        bus.healthy().catch(() => false),
      ])
      return { ok: dbOk && busOk, checks: { database: dbOk, event_bus: busOk } }
    },
  })

  for (const [, p] of parts) await p.start?.()
  await bus.start()
  for (const r of relays.values()) r.start()
  if (config.demo) {
    for (const [m, p] of parts) {
      if (!p.seedDemo) continue
      await p.seedDemo()
      log.info({ service: m.name }, 'demo data ready')
    }
  }

  const timers: NodeJS.Timeout[] = []
  for (const [m, p] of parts) {
    for (const job of p.jobs ?? []) {
      let busy = false
      const t = setInterval(() => {
        if (busy) return
        busy = true
        job
          .run()
          .catch((err) => log.warn({ service: m.name, job: job.name, err: (err as Error).message }, 'job failed'))
          .finally(() => {
            busy = false
          })
      }, job.everyMs)
      t.unref()
      timers.push(t)
    }
  }

  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      let moved = 0
      for (const r of relays.values()) moved += await r.drain()
      if (moved === 0) return
    }
  }

  return {
    app,
    db,
    bus,
    services: [...local],
    drain,
    async close() {
      for (const t of timers) clearInterval(t)
      await app!.close()
      for (const r of relays.values()) await r.stop()
      for (const [, p] of parts) await p.stop?.()
      await bus.stop()
      if (!opts.db) await db.close()
    },
  }
}
