import { randomUUID } from 'node:crypto'
import { Admin, Consumer, Producer, ProduceAcks, stringDeserializers, stringSerializers, type MessagesStream } from '@platformatic/kafka'
import { EVENT_FAMILIES, eventFamily, type EventEnvelope } from '@apotheca/contracts'
import type { Logger } from '../logger.ts'
import { wants, type EventBus, type Subscription } from './bus.ts'

const PARTITIONS = 3

/**
 * Events through Apache Kafka: the relay produces with the idempotent producer (acks=all); each
 * service of the process consumes as its own consumer group (`apotheca.<service>`) and commits an
 * offset only after the event was handled (or parked), so delivery is at least once and the
 * inboxes make it effectively once. A broadcast subscription (every process, for in-memory caches) is a
 * group of this process's own (`<prefix>.<service>.broadcast.<instance id>`) that reads from the latest
 * offset, commits nothing and is deleted on stop. Client choice: docs/adr/0002-kafka-client.md.
 */
export class KafkaBus implements EventBus {
  readonly kind = 'kafka' as const
  private subs: Subscription[] = []
  private producer: Producer<string, string, string, string>
  private admin: Admin
  private consumers: Array<{
    consumer: Consumer<string, string, string, string>
    stream?: MessagesStream<string, string, string, string>
    loop?: Promise<void>
  }> = []
  private stopping = false
  /** This process among the replicas of its services: names its broadcast consumer groups. */
  readonly instanceId = randomUUID()
  private get prefix() {
    return this.opts.prefix ?? 'apotheca'
  }
  /** One topic per event family (`apotheca.orders.order`), keyed by aggregate id. */
  private topicFor(type: string) {
    return `${this.prefix}.${eventFamily(type)}`
  }
  private get allTopics() {
    return EVENT_FAMILIES.map((f) => `${this.prefix}.${f}`)
  }

  private groupOf(sub: Subscription) {
    return sub.broadcast ? `${this.prefix}.${sub.service}.broadcast.${this.instanceId}` : `${this.prefix}.${sub.service}`
  }

  /** Topics and groups are named `<prefix>.<family>` and `<prefix>.<service>` (one prefix per deployment). */
  constructor(private opts: { brokers: string[]; log: Logger; prefix?: string }) {
    const base = { bootstrapBrokers: opts.brokers, clientId: this.prefix, retryDelay: 100 }
    this.producer = new Producer({
      ...base,
      serializers: stringSerializers,
      idempotent: true,
      acks: ProduceAcks.ALL,
      autocreateTopics: false,
    })
    this.admin = new Admin(base)
  }

  subscribe(sub: Subscription) {
    this.subs.push(sub)
  }

  async publish(envelopes: EventEnvelope[]) {
    if (envelopes.length === 0) return
    await this.producer.send({
      messages: envelopes.map((e) => ({
        topic: this.topicFor(e.type),
        key: e.aggregate_id,
        value: JSON.stringify(e),
        headers: e.traceparent ? new Map([['traceparent', e.traceparent]]) : new Map(),
      })),
    })
  }

  async start() {
    await this.ensureTopics()
    for (const sub of this.subs) await this.startConsumer(sub)
  }

  async stop() {
    this.stopping = true
    for (const c of this.consumers) {
      if (c.stream) await new Promise<void>((resolve) => c.stream!.close(() => resolve()))
      await c.loop?.catch(() => {})
      await new Promise<void>((resolve) => c.consumer.close(true, () => resolve()))
    }
    await this.producer.close().catch(() => {})
    // Broadcast groups are this process's alone: gone with it (best effort; an abandoned one holds no offsets).
    const broadcast = this.subs.filter((s) => s.broadcast).map((s) => this.groupOf(s))
    if (broadcast.length) await this.admin.deleteGroups({ groups: broadcast }).catch(() => {})
    await this.admin.close().catch(() => {})
  }

  async healthy() {
    const topics = await Promise.race([
      this.admin.listTopics(),
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('timeout')), 3000)),
    ])
    return Array.isArray(topics)
  }

  private async ensureTopics() {
    const existing = new Set(await this.admin.listTopics())
    const missing = this.allTopics.filter((t) => !existing.has(t))
    for (const topic of missing) {
      // Another process may create it at the same moment: "already exists" is fine.
      await this.admin.createTopics({ topics: [topic], partitions: PARTITIONS, replicas: 1 }).catch((err: Error) => {
        if (!/already exists|TOPIC_ALREADY_EXISTS/i.test(`${err.message} ${JSON.stringify((err as { errors?: unknown }).errors ?? '')}`))
          throw err
      })
    }
  }

  private async startConsumer(sub: Subscription) {
    const topics = sub.types === '*' ? this.allTopics : [...new Set(sub.types.map((t) => this.topicFor(t)))]
    const consumer = new Consumer({
      bootstrapBrokers: this.opts.brokers,
      clientId: `${this.prefix}-${sub.service}`,
      groupId: this.groupOf(sub),
      deserializers: stringDeserializers,
      retryDelay: 100,
      groupProtocol: 'consumer',
      maxWaitTime: 500,
    })
    const stream = await consumer.consume(
      sub.broadcast
        ? { topics, mode: 'latest', autocommit: false }
        : { topics, mode: 'committed', fallbackMode: 'earliest', autocommit: false },
    )
    // A fetch in flight when a partition is revoked still yields its records: skip those (not
    // committed), the partition's new owner reads them from the committed offset (ADR 0002).
    const owns = (topic: string, partition: number) =>
      (consumer.assignments ?? []).some((a) => a.topic === topic && a.partitions.includes(partition))
    const loop = (async () => {
      for await (const m of stream) {
        if (this.stopping) break
        if (!owns(m.topic, m.partition)) continue
        const env = JSON.parse(m.value) as EventEnvelope
        if (wants(sub, env.type)) await this.deliverUntilDone(sub, env)
        if (!sub.broadcast) await m.commit()
      }
    })().catch((err) => {
      if (!this.stopping) this.opts.log.error({ service: sub.service, err: (err as Error).message }, 'kafka consumer stopped')
    })
    this.consumers.push({ consumer, stream, loop })
  }

  /** deliverOnce parks an event after its fifth failure, so this loop ends; meanwhile it backs off. */
  private async deliverUntilDone(sub: Subscription, env: EventEnvelope) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await sub.deliver(env)
      } catch (err) {
        if (this.stopping) throw err
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** attempt, 5000)))
      }
    }
  }
}
