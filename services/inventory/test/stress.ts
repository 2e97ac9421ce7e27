import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { ledgerMismatches } from '../src/db/batch.repository.ts'
import { drug, envelope, inDays, type startCatalogStub } from './support.ts'

type Catalog = Awaited<ReturnType<typeof startCatalogStub>>

/** What each reservation attempt ended as, and what was done with it afterwards. */
interface ReserveOutcome {
  order_id: string
  quantity: number
  status: number
  reservation_id?: string
  then: 'kept' | 'released' | 'committed' | 'commit-failed' | 'commit-refused' | 'none'
}
interface AdjustOutcome {
  status: number
  delta: number
  problem?: unknown
}

/** A deterministic pseudo-random sequence, so a failing run can be repeated exactly. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/**
 * Hundreds of reservations (each then kept, released or committed) and adjustments on one drug
 * with little stock, all started at once, while a sampler reads the stock. Then every invariant of
 * the issue is checked from the database itself. Returns counts for the test to print.
 */
export async function stressOneDrug(
  rt: TestRuntime,
  catalog: Catalog,
  internal: string,
  opts: { reservations: number; adjustments: number; seed: number },
) {
  const d = drug(`Stress ${randomUUID()}`)
  catalog.state.drugs.push(d)
  const admin = await rt.token('admin')
  const adjust = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    rt.request('PUT', `/inventory/${d.drug_id}/adjust`, { token: admin, body, headers })
  // Little sellable stock (6 + 4), a batch too close to expiry to ever be reserved, and a quarantined one.
  const initial = [
    ['S1', 6, 200],
    ['S2', 4, 400],
    ['SHORT', 20, 10],
    ['Q', 5, 300],
  ] as const
  for (const [batch_number, quantity, days] of initial) {
    assert.equal((await adjust({ quantity_delta: quantity, reason: 'received', batch_number, expiry_date: inDays(days) })).status, 200)
  }
  assert.equal((await adjust({ quantity_delta: 0, reason: 'quarantine', batch_number: 'Q' })).status, 200)
  const onHandBefore = initial.reduce((n, b) => n + b[1], 0)

  const rand = rng(opts.seed)
  const reservations = Array.from({ length: opts.reservations }, () => ({ quantity: 1 + Math.floor(rand() * 2) }))
  let successes = 0
  const adjustments = Array.from({ length: opts.adjustments }, (_, i) => adjustmentFor(i, rand))

  const reserveOne = async (r: { quantity: number }): Promise<ReserveOutcome> => {
    const order_id = randomUUID()
    const patient_id = randomUUID()
    const a = await rt.request('POST', '/internal/reservations', {
      token: internal,
      body: { order_id, patient_id, items: [{ drug_id: d.drug_id, quantity: r.quantity }] },
    })
    const out: ReserveOutcome = { order_id, quantity: r.quantity, status: a.status, then: 'none' }
    if (a.status !== 201) return out
    out.reservation_id = a.json.reservation_id
    assert.equal(
      a.json.picks.reduce((n: number, p: any) => n + p.quantity, 0),
      r.quantity,
      'a reservation holds what was asked',
    )
    // Each third success is released, committed or kept, so every fate happens whatever the interleaving.
    const fate = successes++ % 3
    if (fate === 0) {
      const rel = await rt.request('POST', `/internal/reservations/${out.reservation_id}/release`, {
        token: internal,
        body: { reason: 'payment_failed' },
      })
      assert.equal(rel.status, 200)
      out.then = 'released'
    } else if (fate === 1) {
      const evt = envelope('orders.order.fulfilment_requested.v1', order_id, {
        order_id,
        patient_id,
        reservation_id: out.reservation_id,
        actor_id: 'pharmacist-stress',
      })
      // Quarantine toggles may leave too little stock to supply it: then nothing is dispensed and the hold is released (commit_failed).
      const published = await rt.bus.publish([evt]).then(
        () => true,
        () => false,
      )
      const {
        rows: [r],
      } = await rt.db.query<{ status: string }>(`SELECT status FROM inventory.reservations WHERE reservation_id = $1`, [out.reservation_id])
      out.then = !published ? 'commit-refused' : r!.status === 'committed' ? 'committed' : 'commit-failed'
    } else out.then = 'kept'
    return out
  }

  const adjustOne = async (a: ReturnType<typeof adjustmentFor>): Promise<AdjustOutcome> => {
    const r = await adjust(a.body, a.headers)
    return { status: r.status, delta: r.status === 200 ? r.json.quantity_delta : 0, ...(r.status >= 500 ? { problem: r.json } : {}) }
  }

  // The sampler reads what staff would see while the work runs: never negative, never over-reserved.
  let running = true
  let samples = 0
  const seenWrong: unknown[] = []
  const sampler = (async () => {
    while (running) {
      const s = (await rt.request('GET', `/inventory/${d.drug_id}`, { token: admin })).json
      if (!(s.quantity_on_hand >= 0 && s.quantity_reserved >= 0 && s.quantity_reserved <= s.quantity_on_hand)) seenWrong.push(s)
      for (const b of s.batches) if (!(b.quantity_reserved >= 0 && b.quantity_reserved <= b.quantity_on_hand)) seenWrong.push(b)
      samples++
      await new Promise((r) => setTimeout(r, 2))
    }
  })()
  const work: Array<Promise<ReserveOutcome | AdjustOutcome>> = []
  for (let i = 0; i < Math.max(reservations.length, adjustments.length); i++) {
    if (reservations[i]) work.push(reserveOne(reservations[i]!))
    if (adjustments[i]) work.push(adjustOne(adjustments[i]!))
  }
  const settled = await Promise.all(work)
  running = false
  await sampler
  assert.deepEqual(seenWrong, [], 'no reader ever saw negative or over-reserved stock')
  assert.ok(samples > 0)
  const reserved = settled.filter((o): o is ReserveOutcome => 'order_id' in o)
  const adjusted = settled.filter((o): o is AdjustOutcome => !('order_id' in o))
  await checkInvariants(rt, d.drug_id, onHandBefore, reserved, adjusted)
  const count = (f: (o: ReserveOutcome) => boolean) => reserved.filter(f).length
  return {
    reserved: count((o) => o.status === 201),
    refused: count((o) => o.status === 409),
    released: count((o) => o.then === 'released'),
    committed: count((o) => o.then === 'committed'),
    commitFailed: count((o) => o.then === 'commit-failed'),
    commitRefused: count((o) => o.then === 'commit-refused'),
    adjusted: adjusted.filter((a) => a.status === 200).length,
    adjustRefused: adjusted.filter((a) => a.status !== 200).length,
    samples,
  }
}

/** The i-th adjustment: receipts, damage, counts (some with a stale If-Match), and quarantine toggles of Q. */
function adjustmentFor(i: number, rand: () => number): { body: Record<string, unknown>; headers: Record<string, string> } {
  const batch_number = rand() < 0.5 ? 'S1' : 'S2'
  switch (i % 6) {
    case 0:
      return { body: { quantity_delta: 1 + Math.floor(rand() * 2), reason: 'received', batch_number }, headers: {} }
    case 1:
    case 2:
      return { body: { quantity_delta: -1, reason: 'damaged', batch_number }, headers: {} }
    case 3:
      return {
        body: { quantity_delta: rand() < 0.5 ? -1 : 1, reason: 'cycle_count', batch_number },
        headers: i % 12 === 3 ? { 'if-match': '"1"' } : {},
      }
    case 4:
      return { body: { quantity_delta: 0, reason: 'release', batch_number: 'Q' }, headers: {} }
    default:
      return { body: { quantity_delta: 0, reason: 'quarantine', batch_number: 'Q' }, headers: {} }
  }
}

/** The invariants, read from the database after the run. */
async function checkInvariants(
  rt: TestRuntime,
  drugId: string,
  onHandBefore: number,
  reserved: ReserveOutcome[],
  adjusted: AdjustOutcome[],
) {
  assert.deepEqual(
    [...new Set(reserved.map((o) => o.status))].filter((s) => s !== 201 && s !== 409),
    [],
    'a reservation answers 201 or 409',
  )
  const odd = adjusted.filter((o) => o.status !== 200 && o.status !== 409 && o.status !== 412)
  assert.deepEqual(odd, [], 'an adjustment answers 200, 409 or 412')
  const { rows: batches } = await rt.db.query<{ batch_id: string; batch_number: string; on_hand: number; reserved: number; held: number }>(
    `SELECT b.batch_id, b.batch_number, b.quantity_on_hand AS on_hand, b.quantity_reserved AS reserved,
       COALESCE((SELECT sum(i.quantity) FROM inventory.reservation_items i JOIN inventory.reservations r USING (reservation_id)
                 WHERE i.batch_id = b.batch_id AND r.status = 'held'), 0)::int AS held
     FROM inventory.batches b WHERE b.drug_id = $1 ORDER BY b.batch_number`,
    [drugId],
  )
  for (const b of batches) {
    assert.ok(b.on_hand >= 0 && b.reserved >= 0, `never negative: ${JSON.stringify(b)}`)
    assert.ok(b.reserved <= b.on_hand, `never more reserved than on hand: ${JSON.stringify(b)}`)
    assert.equal(b.held, b.reserved, `the batch's reserved units are exactly its held reservations' lines: ${JSON.stringify(b)}`)
  }
  assert.equal(batches.find((b) => b.batch_number === 'SHORT')?.reserved, 0, 'a batch too close to expiry is never reserved')
  assert.deepEqual(await ledgerMismatches(rt.db, drugId), [], 'on hand equals the sum of the ledger')

  const { rows } = await rt.db.query<{ order_id: string; reservation_id: string; status: string; quantity: number }>(
    `SELECT r.order_id, r.reservation_id, r.status, COALESCE(sum(i.quantity), 0)::int AS quantity
     FROM inventory.reservations r LEFT JOIN inventory.reservation_items i USING (reservation_id)
     WHERE r.order_id = ANY($1::uuid[]) GROUP BY r.order_id, r.reservation_id, r.status`,
    [reserved.map((o) => o.order_id)],
  )
  const byOrder = new Map(rows.map((r) => [r.order_id, r]))
  const expected = {
    kept: 'held',
    released: 'released',
    committed: 'committed',
    'commit-failed': 'released',
    'commit-refused': 'held',
    none: '',
  } as const
  for (const o of reserved) {
    const row = byOrder.get(o.order_id)
    if (o.status === 409) {
      assert.equal(row, undefined, 'a refused reservation leaves nothing behind')
      continue
    }
    assert.ok(row, `a successful reservation is never lost: order ${o.order_id}`)
    assert.equal(row.reservation_id, o.reservation_id)
    assert.equal(row.status, expected[o.then], `order ${o.order_id} was ${o.then}`)
    assert.equal(row.quantity, o.quantity, `reservation ${row.reservation_id} is backed by lines for all it holds`)
  }
  const committed = reserved.filter((o) => o.then === 'committed').reduce((n, o) => n + o.quantity, 0)
  const {
    rows: [dispensed],
  } = await rt.db.query<{ n: number }>(
    `SELECT COALESCE(-sum(quantity_delta), 0)::int AS n FROM inventory.ledger WHERE drug_id = $1 AND reason = 'dispensed'`,
    [drugId],
  )
  assert.equal(dispensed!.n, committed, 'the ledger dispensed exactly the committed units')
  const onHand = batches.reduce((n, b) => n + b.on_hand, 0)
  const adjustedBy = adjusted.reduce((n, a) => n + a.delta, 0)
  assert.equal(onHand, onHandBefore + adjustedBy - committed, 'on hand = received + accepted adjustments - dispensed')
}
