import { SERVICE_NAMES, type ServiceName } from '@apotheca/contracts'

/** Command line: `--services a,b` picks the services of this process; `--gateway` runs the router. */
export function parseArgs(argv: string[]): { services: ServiceName[]; gateway: boolean } {
  let services: ServiceName[] = [...SERVICE_NAMES]
  let gateway = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--gateway') gateway = true
    else if (a === '--services' || a.startsWith('--services=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]
      const names = (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      const unknown = names.filter((n) => !(SERVICE_NAMES as readonly string[]).includes(n))
      if (names.length === 0 || unknown.length) {
        throw new Error(
          `--services takes a comma-separated list of ${SERVICE_NAMES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`,
        )
      }
      services = names as ServiceName[]
    } else if (a === '--help' || a === '-h') {
      throw new Error('usage: npm start [-- --services identity,catalog,...] | npm start -- --gateway')
    } else throw new Error(`unknown argument ${a}`)
  }
  return { services, gateway }
}
