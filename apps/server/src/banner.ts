import type { Config } from '@apotheca/kernel'

const DEMO = [
  ['admin', 'admin@demo.apotheca.test', 'Demo-Admin-2026!', 'TOTP JBSWY3DPEHPK3PXP'],
  ['pharmacist', 'pharmacist@demo.apotheca.test', 'Demo-Pharmacist-2026!', 'TOTP JBSWY3DPEHPK3PXP'],
  ['practitioner', 'practitioner@demo.apotheca.test', 'Demo-Practitioner-2026!', ''],
  ['driver', 'driver@demo.apotheca.test', 'Demo-Driver-2026!', ''],
  ['patient', 'patient@demo.apotheca.test', 'Demo-Patient-2026!', ''],
]

/** What `npm start` prints once it serves: where, in which mode, and the demo logins. */
export function banner(o: { url: string; config: Config; services: string[]; seconds: number }): string {
  const mode = o.config.DATABASE_URL
    ? `distributed (PostgreSQL${o.config.KAFKA_BROKERS ? ' + Kafka' : ''})`
    : `embedded (PGlite in ${o.config.APOTHECA_DATA})`
  const lines = [
    '',
    `Apotheca is running at ${o.url}  (${mode}; started in ${o.seconds.toFixed(1)} s)`,
    `  services: ${o.services.join(', ')}`,
    `  health:   ${o.url}/health`,
    `  API docs: ${o.url}/openapi.json`,
  ]
  if (o.config.demo && o.services.includes('identity')) {
    lines.push('  demo accounts (APOTHECA_DEMO=0 to turn off):')
    for (const [role, email, pw, mfa] of DEMO) lines.push(`    ${role!.padEnd(13)} ${email!.padEnd(32)} ${pw!.padEnd(24)} ${mfa}`)
    lines.push(`  walkthrough: npm run walkthrough -- ${o.url}`)
  }
  return lines.join('\n') + '\n\n'
}
