import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from '@apotheca/kernel'
import { settleTiming } from './settle-orders.ts'

test('the settle timing comes from the configuration, with its defaults', () => {
  assert.deepEqual(settleTiming(loadConfig({})), { everyMs: 30_000, pendingSeconds: 600, cancelledSeconds: 60 })
  const env = {
    APOTHECA_ORDERS_SETTLE_EVERY_MS: '500',
    APOTHECA_ORDERS_SETTLE_PENDING_SECONDS: '5',
    APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS: '2',
  }
  assert.deepEqual(settleTiming(loadConfig(env)), { everyMs: 500, pendingSeconds: 5, cancelledSeconds: 2 })
})

test('nonsense settle timing stops the start with every variable named, instead of quietly using a default', () => {
  const env = {
    APOTHECA_ORDERS_SETTLE_EVERY_MS: '-1',
    APOTHECA_ORDERS_SETTLE_PENDING_SECONDS: 'soon',
    APOTHECA_ORDERS_SETTLE_CANCELLED_SECONDS: '0',
  }
  assert.throws(
    () => loadConfig(env),
    (err: unknown) =>
      err instanceof ConfigError && Object.keys(env).every((name) => err.message.includes(`${name}:`)) && /whole number/.test(err.message),
  )
  assert.throws(() => loadConfig({ APOTHECA_ORDERS_SETTLE_EVERY_MS: '1e3' }), /APOTHECA_ORDERS_SETTLE_EVERY_MS: must be a whole number/)
})

test('the Stripe variables are checked at start: a key that is not a secret key, a URL that is not an origin, a URL without a key', () => {
  assert.throws(
    () => loadConfig({ APOTHECA_STRIPE_SECRET_KEY: 'pk_test_publishable' }),
    /APOTHECA_STRIPE_SECRET_KEY: must be a Stripe secret key/,
  )
  assert.throws(
    () => loadConfig({ APOTHECA_STRIPE_SECRET_KEY: 'sk_test_x', APOTHECA_STRIPE_API_URL: 'stripe.local' }),
    /APOTHECA_STRIPE_API_URL: must be an http\(s\) origin/,
  )
  assert.throws(
    () => loadConfig({ APOTHECA_STRIPE_API_URL: 'http://127.0.0.1:12111' }),
    /APOTHECA_STRIPE_API_URL: only with APOTHECA_STRIPE_SECRET_KEY/,
  )
  const c = loadConfig({ APOTHECA_STRIPE_SECRET_KEY: 'sk_test_twin', APOTHECA_STRIPE_API_URL: 'http://127.0.0.1:12111' })
  assert.deepEqual([c.APOTHECA_STRIPE_SECRET_KEY, c.APOTHECA_STRIPE_API_URL], ['sk_test_twin', 'http://127.0.0.1:12111'])
})
