import { InProcessBus, type Config, type EventBus, type Logger } from '@apotheca/kernel'

/** The event bus for this configuration: Apache Kafka when KAFKA_BROKERS is set, else in process. */
export async function createBus(config: Config, log: Logger): Promise<EventBus> {
  if (!config.KAFKA_BROKERS) return new InProcessBus()
  const { KafkaBus } = await import('@apotheca/kernel/kafka')
  return new KafkaBus({ brokers: config.KAFKA_BROKERS.split(','), log, prefix: config.APOTHECA_KAFKA_PREFIX })
}
