import { ConfigError, createLogger, loadConfig, startRuntime } from '@apotheca/kernel'
import { parseArgs } from './args.ts'
import { modulesFor } from './modules.ts'
import { createBus } from './bus.ts'
import { startGateway } from './gateway.ts'
import { banner } from './banner.ts'

/** `npm start`: the whole pharmacy embedded, or `--services a,b` distributed, or `--gateway`. */
async function main() {
  const args = parseArgs(process.argv.slice(2))
  const config = loadConfig()
  const log = createLogger(config.LOG_LEVEL)
  const started = Date.now()
  const stoppable = args.gateway
    ? await startGateway({ config, log })
    : await startRuntime({ modules: modulesFor(args.services), config, log, createBus })
  const address = await stoppable.app.listen({ port: config.PORT, host: config.HOST })
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost')
  process.stdout.write(
    banner({ url, config, services: args.gateway ? ['gateway'] : args.services, seconds: (Date.now() - started) / 1000 }),
  )
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, 'shutting down')
    await stoppable.close().catch((err: Error) => log.error({ err: err.message }, 'shutdown failed'))
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
