import { z } from 'zod'
import { SERVICE_NAMES, type ServiceName } from '@apotheca/contracts'

const bool01 = z.enum(['0', '1']).transform((v) => v === '1')
/** A whole number written in decimal digits (no sign, fraction, exponent or hex) from min to max; empty is unset. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{1,15}$/, `must be a whole number from ${min} to ${max}`)
      .transform(Number)
      .pipe(z.int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .default(fallback),
  )
const serviceUrls = z.string().transform((s, ctx) => {
  const out: Partial<Record<ServiceName, string>> = {}
  for (const part of s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, url] = part.split('=')
    if (!name || !url || !(SERVICE_NAMES as readonly string[]).includes(name) || !/^https?:\/\//.test(url)) {
      ctx.addIssue({ code: 'custom', message: `expected service=http://host:port pairs, got "${part}"` })
      return z.NEVER
    }
    out[name as ServiceName] = url.replace(/\/$/, '')
  }
  return out
})

/** The environment the runner reads (../shared/API.md "Configuration"); validated with clear errors. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  APOTHECA_DATA: z.string().default('./.apotheca'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'must be host:port[,host:port…]')
    .optional(),
  APOTHECA_KAFKA_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/, 'lower-case letters, digits, - and _')
    .default('apotheca'),
  APOTHECA_DEMO: bool01.optional(),
  /** Checks every answer against its route's OpenAPI contract; a breach becomes a 500 (on in tests). */
  APOTHECA_CHECK_RESPONSES: bool01.default(false),
  /** Sign-in and reset throttles (identity): attempts within 15 minutes before a lock. Raise them for a fuzzer; never off. */
  APOTHECA_SIGNIN_ACCOUNT_FAILURES: z.coerce.number().int().min(1).default(5),
  APOTHECA_SIGNIN_IP_FAILURES: z.coerce.number().int().min(1).default(50),
  APOTHECA_RESET_ACCOUNT_REQUESTS: z.coerce.number().int().min(1).default(3),
  APOTHECA_RESET_IP_REQUESTS: z.coerce.number().int().min(1).default(20),
  APOTHECA_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')
    .optional(),
  /** The master key being rotated away from: data it wrapped stays readable while it is re-wrapped. */
  APOTHECA_MASTER_KEY_PREVIOUS: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')
    .optional(),
  APOTHECA_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  APOTHECA_SERVICE_URLS: serviceUrls.optional(),
  APOTHECA_EPCS_WEBHOOK_SECRET: z.string().min(8).default('whsec_demo_epcs'),
  APOTHECA_CARRIER_WEBHOOK_SECRET: z.string().min(8).default('whsec_demo_carrier'),
  APOTHECA_PAYMENTS_WEBHOOK_SECRET: z.string().min(8).default('whsec_demo_payments'),
  /** Orders pays through Stripe with this secret key (sk_test_…/sk_live_…, or a restricted rk_…); unset: the local gateway. */
  APOTHECA_STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_[A-Za-z0-9_]+$/, 'must be a Stripe secret key (sk_… or rk_…)')
    .optional(),
  /** Where the Stripe adapter sends its calls instead of Stripe's API (a twin of it in tests). */
  APOTHECA_STRIPE_API_URL: z
    .string()
    .regex(/^https?:\/\/[^/\s?#]+\/?$/, 'must be an http(s) origin such as http://127.0.0.1:12111')
    .optional(),
  /** Orders' settle job (abandoned checkouts, unfinished compensations): how often it runs, in ms. Crash tests shorten it. */
  APOTHECA_ORDERS_SETTLE_EVERY_MS: wholeNumber(100, 86_400_000, 30_000),
  /** A checkout still pending this many seconds is taken for abandoned and cancelled. */
  APOTHECA_ORDERS_SETTLE_PENDING_SECONDS: wholeNumber(1, 7 * 86_400, 600),
  /** A cancelled order whose stock or money is not back yet is compensated again after this many seconds. */
  APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS: wholeNumber(1, 7 * 86_400, 60),
  /** Inventory: days of shelf life a batch must have left after today to be reserved or sold. */
  APOTHECA_MIN_SHELF_DAYS: wholeNumber(0, 3650, 30),
  APOTHECA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  APOTHECA_MAIL_FROM: z.string().default('Apotheca Pharmacy <no-reply@apotheca.test>'),
  /** The page a password-reset e-mail links to; the token goes in the fragment, which browsers never send on. */
  APOTHECA_PASSWORD_RESET_URL: z
    .string()
    .regex(/^https?:\/\/[^#\s]+$/, 'must be an http(s) URL without a fragment')
    .optional(),
  /** Audit archive on S3-compatible object storage (services/audit, ADR 0012); unset: files under <data>/audit-archive/. */
  APOTHECA_AUDIT_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3-63 lower-case letters, digits, . and -)')
    .optional(),
  /** The endpoint of a non-AWS S3 service (MinIO, Ceph, R2…), addressed path-style; unset: AWS. */
  APOTHECA_AUDIT_S3_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL')
    .optional(),
  APOTHECA_AUDIT_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a region name such as us-east-1')
    .default('us-east-1'),
  APOTHECA_AUDIT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** Claim naming the caller's roles in the provider's tokens (a name, a namespaced URL, or a dotted path). */
  OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})
export type Config = z.infer<typeof ConfigSchema> & { demo: boolean }

/** Thrown with every problem in the environment at once, each naming its variable. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = ConfigSchema.safeParse(env)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  if (!r.data.OIDC_ISSUER !== !r.data.OIDC_AUDIENCE) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER and OIDC_AUDIENCE: set both for OIDC mode, or neither')
  }
  if (!r.data.APOTHECA_AUDIT_S3_ACCESS_KEY_ID !== !r.data.APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY) {
    throw new ConfigError(
      "Invalid configuration:\n  APOTHECA_AUDIT_S3_ACCESS_KEY_ID and APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY: set both, or neither (the SDK's default credentials)",
    )
  }
  if (!r.data.APOTHECA_AUDIT_S3_BUCKET && (r.data.APOTHECA_AUDIT_S3_URL || r.data.APOTHECA_AUDIT_S3_ACCESS_KEY_ID)) {
    throw new ConfigError('Invalid configuration:\n  APOTHECA_AUDIT_S3_BUCKET: required when other APOTHECA_AUDIT_S3_* variables are set')
  }
  if (r.data.APOTHECA_STRIPE_API_URL && !r.data.APOTHECA_STRIPE_SECRET_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  APOTHECA_STRIPE_API_URL: only with APOTHECA_STRIPE_SECRET_KEY (it points the Stripe adapter elsewhere)',
    )
  }
  const embedded = !r.data.DATABASE_URL
  return { ...r.data, demo: r.data.APOTHECA_DEMO ?? embedded }
}
