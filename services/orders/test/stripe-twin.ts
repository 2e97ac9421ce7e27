import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

// A twin of the part of Stripe's REST API the adapter uses (PaymentIntents with manual capture,
// cancel, refunds, idempotency keys), following stripe.com/docs/api and its test payment methods, so
// the official `stripe` package is exercised over HTTP exactly as it would talk to Stripe.

type Status = 'requires_payment_method' | 'requires_action' | 'requires_capture' | 'succeeded' | 'canceled'
interface Intent {
  id: string
  object: 'payment_intent'
  amount: number
  currency: string
  status: Status
  capture_method: string
  amount_received: number
  metadata: Record<string, string>
  last_payment_error: unknown
}

const id = (p: string) => `${p}_${randomBytes(12).toString('hex')}`

/** Starts the twin on a free port; `captures` and `refunds` count money movements per intent. */
export async function startStripeTwin(secretKey = 'sk_test_twin') {
  const intents = new Map<string, Intent>()
  const refunded = new Map<string, number>()
  const captures = new Map<string, number>()
  const idempotent = new Map<string, { status: number; body: unknown }>()
  const events: Array<{ id: string; type: string; object: unknown }> = []
  const emit = (type: string, object: unknown) => events.push({ id: id('evt'), type, object: structuredClone(object) })

  function handle(method: string, path: string, form: URLSearchParams): { status: number; body: unknown } {
    const err = (status: number, e: Record<string, unknown>) => ({ status, body: { error: e } })
    const unexpected = (pi: Intent, action: string) =>
      err(400, {
        type: 'invalid_request_error',
        code: 'payment_intent_unexpected_state',
        message: `You cannot ${action} this PaymentIntent because it has a status of ${pi.status}.`,
        payment_intent: pi,
      })
    if (method === 'POST' && path === '/v1/payment_intents') {
      const pm = form.get('payment_method') ?? ''
      const pi: Intent = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(form.get('amount')),
        currency: form.get('currency') ?? 'usd',
        status: 'requires_capture',
        capture_method: form.get('capture_method') ?? 'automatic',
        amount_received: 0,
        metadata: { order_id: form.get('metadata[order_id]') ?? '' },
        last_payment_error: null,
      }
      if (!pm.startsWith('pm_card_'))
        return err(400, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          param: 'payment_method',
          message: `No such PaymentMethod: '${pm}'`,
        })
      intents.set(pi.id, pi)
      if (pm.startsWith('pm_card_chargeDeclined')) {
        pi.status = 'requires_payment_method'
        pi.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' }
        emit('payment_intent.payment_failed', pi)
        return err(402, {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
          payment_intent: pi,
        })
      }
      if (pm === 'pm_card_authenticationRequired') {
        pi.status = 'requires_action'
        emit('payment_intent.requires_action', pi)
      } else emit('payment_intent.amount_capturable_updated', pi)
      return { status: 200, body: pi }
    }
    const m = /^\/v1\/payment_intents\/([^/]+)(?:\/(capture|cancel))?$/.exec(path)
    const pi = m ? intents.get(m[1]!) : undefined
    if (m && !pi) return err(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such payment_intent: '${m[1]}'` })
    if (pi && method === 'GET' && !m![2]) return { status: 200, body: pi }
    if (pi && method === 'POST' && m![2] === 'capture') {
      if (pi.status !== 'requires_capture') return unexpected(pi, 'capture')
      pi.status = 'succeeded'
      pi.amount_received = pi.amount
      captures.set(pi.id, (captures.get(pi.id) ?? 0) + 1)
      emit('payment_intent.succeeded', pi)
      return { status: 200, body: pi }
    }
    if (pi && method === 'POST' && m![2] === 'cancel') {
      if (pi.status === 'succeeded' || pi.status === 'canceled') return unexpected(pi, 'cancel')
      pi.status = 'canceled'
      emit('payment_intent.canceled', pi)
      return { status: 200, body: pi }
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const target = intents.get(form.get('payment_intent') ?? '')
      if (!target)
        return err(404, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          param: 'payment_intent',
          message: 'No such payment_intent',
        })
      if (target.status !== 'succeeded')
        return err(400, {
          type: 'invalid_request_error',
          code: 'charge_not_captured',
          message: 'This PaymentIntent has no captured charge.',
        })
      if (refunded.has(target.id))
        return err(400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: 'Charge has already been refunded.' })
      refunded.set(target.id, target.amount_received)
      emit('charge.refunded', {
        id: `ch_${target.id.slice(3)}`,
        object: 'charge',
        payment_intent: target.id,
        amount: target.amount,
        amount_captured: target.amount_received,
        amount_refunded: target.amount_received,
        refunded: true,
      })
      return {
        status: 200,
        body: { id: id('re'), object: 'refund', amount: target.amount_received, payment_intent: target.id, status: 'succeeded' },
      }
    }
    return err(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path})` })
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = ''
    req.on('data', (c) => {
      raw += c
    })
    req.on('end', () => {
      const send = (r: { status: number; body: unknown }) => {
        res.writeHead(r.status, { 'content-type': 'application/json', 'request-id': id('req') })
        res.end(JSON.stringify(r.body))
      }
      if (req.headers.authorization !== `Bearer ${secretKey}`)
        return send({ status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } })
      const key = req.headers['idempotency-key'] as string | undefined
      // Stripe replays the first answer to a POST with a key it has seen (24 h), errors included.
      if (key && req.method === 'POST' && idempotent.has(key)) return send(idempotent.get(key)!)
      const url = new URL(req.url ?? '/', 'http://twin')
      const r = handle(req.method ?? 'GET', url.pathname, new URLSearchParams(raw))
      if (key && req.method === 'POST') idempotent.set(key, r)
      send(r)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    secretKey,
    intents,
    captures,
    refunded,
    events,
    /** The events as Stripe would post them (the envelope the webhook route reads). */
    eventPayload: (e: { id: string; type: string; object: unknown }) =>
      JSON.stringify({
        id: e.id,
        object: 'event',
        api_version: '2026-10-28.endive',
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        type: e.type,
        data: { object: e.object },
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
