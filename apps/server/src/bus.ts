import { InProcessBus, type Config, type EventBus, type Logger } from '@apotheca/kernel'

/** The event bus for this configuration: Apache Kafka when KAFKA_BROKERS is set, else in process. */
export async function createBus(config: Config, _log: Logger): Promise<EventBus> {
  if (!config.KAFKA_BROKERS) return new InProcessBus()
  throw new Error('KAFKA_BROKERS is set but the Kafka bus is not wired in yet')
}
