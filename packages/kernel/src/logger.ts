import pino from 'pino'

/** Structured logger. Redacts credentials; callers log ids and counts, never PHI or bodies. */
export type Logger = pino.Logger

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["apotheca-signature"]',
  'req.headers["stripe-signature"]',
  '*.password',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.mfa_token',
  '*.secret',
  '*.code',
]

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'apotheca' } }, destination)
}
