import { test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { eventSchemas } from '@apotheca/contracts'
import { Problem, type Runtime } from '@apotheca/kernel'
import type { InventoryDeps } from '../src/application/deps.ts'
import { groupHoldStats } from '../src/application/group-hold.ts'
import { reserveStock } from '../src/application/reserve-stock.ts'
import { ledgerMismatches } from '../src/db/batch.repository.ts'
import { holdMany, sellableBatches } from '../src/db/hold.repository.ts'
import { pickInTurn, shelfCutoff } from '../src/domain/fefo.ts'
import { inDays, outbox, stockBatch } from './support.ts'

type Outcome = { status: number; reservation_id?: string; drug_ids?: string[] }

/** Reserves through the use case; a refusal becomes its status (and the drugs it names). */
async function attempt(deps: InventoryDeps, items: Array<{ drug_id: string; quantity: number }>, orderId = randomUUID()): Promise<Outcome> {
  try {
    const r = await reserveStock(deps, { order_id: orderId, patient_id: randomUUID(), items, hold_minutes: 30 })
    return { status: r.created ? 201 : 200, reservation_id: r.reservation.reservation_id }
  } catch (err) {
    if (!(err instanceof Problem) || err.status !== 409) throw err
    return { status: 409, drug_ids: err.extra.drug_ids as string[] }
  }
}

const count = (outcomes: Outcome[], status: number) => outcomes.filter((o) => o.status === status).length

/** Every invariant of a drug, read from the database: reserved = held lines ≤ on hand, ledger = on hand. */
async function assertConsistent(rt: Runtime, drugId: string) {
  const { rows } = await rt.db.query<{ bad: number }>(
    /* sql */ `
    SELECT count(*)::int AS bad FROM inventory.batches b
    WHERE b.drug_id = $1 AND (b.quantity_reserved > b.quantity_on_hand OR b.quantity_reserved < 0 OR b.quantity_reserved <> COALESCE((
      SELECT sum(i.quantity) FROM inventory.reservation_items i JOIN inventory.reservations r USING (reservation_id)
      WHERE i.batch_id = b.batch_id AND r.status = 'held'), 0))`,
    [drugId],
  )
  assert.equal(rows[0]!.bad, 0)
  assert.deepEqual(await ledgerMismatches(rt.db, drugId), [])
}

async function reservedOf(rt: Runtime, drugId: string): Promise<number> {
  const { rows } = await rt.db.query<{ n: number }>(
    `SELECT COALESCE(sum(quantity_reserved), 0)::int AS n FROM inventory.batches WHERE drug_id = $1`,
    [drugId],
  )
  return rows[0]!.n
}

/** The group-commit path of reserveStock, on the runtime's database (PGlite or PostgreSQL). */
export function groupHoldTests(label: string, get: () => { rt: Runtime; deps: InventoryDeps }) {
  test(`${label}: 80 concurrent 1-unit reservations against 70 in two batches: exactly 70 held in groups, 10 refused`, async () => {
    const { rt, deps } = get()
    const drugId = randomUUID()
    await stockBatch(rt, { drug_id: drugId, batch_number: 'A', expiry_date: inDays(200), quantity: 40 })
    await stockBatch(rt, { drug_id: drugId, batch_number: 'B', expiry_date: inDays(300), quantity: 30 })
    const before = groupHoldStats(deps)
    const outcomes = await Promise.all(Array.from({ length: 80 }, () => attempt(deps, [{ drug_id: drugId, quantity: 1 }])))
    const after = groupHoldStats(deps)
    assert.deepEqual([count(outcomes, 201), count(outcomes, 409)], [70, 10])
    assert.ok(after.groups - before.groups < 80 && after.held - before.held > 1, JSON.stringify({ before, after }))
    assert.equal(await reservedOf(rt, drugId), 70)
    await assertConsistent(rt, drugId)
    for (const o of outcomes.filter((x) => x.status === 201)) {
      const events = await outbox(rt, o.reservation_id!)
      assert.deepEqual(
        events.map((e) => e.type),
        ['inventory.reservation.created.v1'],
      )
      eventSchemas['inventory.reservation.created.v1'].parse(events[0]!.payload)
    }
  })

  test(`${label}: a short order in a group takes nothing and does not stop the orders after it`, async () => {
    const { rt, deps } = get()
    const drugId = randomUUID()
    await stockBatch(rt, { drug_id: drugId, batch_number: 'S', expiry_date: inDays(200), quantity: 10 })
    const outcomes = await Promise.all([5, 8, 3, 2].map((quantity) => attempt(deps, [{ drug_id: drugId, quantity }])))
    assert.deepEqual(
      outcomes.map((o) => o.status),
      [201, 409, 201, 201],
    )
    assert.equal(await reservedOf(rt, drugId), 10)
    await assertConsistent(rt, drugId)
  })

  test(`${label}: the same order twice in one group makes one reservation`, async () => {
    const { rt, deps } = get()
    const drugId = randomUUID()
    await stockBatch(rt, { drug_id: drugId, batch_number: 'O', expiry_date: inDays(200), quantity: 50 })
    const orderId = randomUUID()
    const items = [{ drug_id: drugId, quantity: 3 }]
    const outcomes = await Promise.all([
      attempt(deps, items, orderId),
      attempt(deps, items),
      attempt(deps, items, orderId),
      attempt(deps, items),
    ])
    assert.deepEqual(outcomes.map((o) => o.status).sort(), [200, 201, 201, 201])
    assert.equal(outcomes[0]!.reservation_id, outcomes[2]!.reservation_id)
    assert.equal(await reservedOf(rt, drugId), 9)
    await assertConsistent(rt, drugId)
  })

  test(`${label}: an order of two drugs, one short, is refused naming it while the group holds the rest`, async () => {
    const { rt, deps } = get()
    const plenty = randomUUID()
    const scarce = randomUUID()
    await stockBatch(rt, { drug_id: plenty, batch_number: 'P', expiry_date: inDays(200), quantity: 100 })
    await stockBatch(rt, { drug_id: scarce, batch_number: 'Q', expiry_date: inDays(200), quantity: 2 })
    const orderId = randomUUID()
    const outcomes = await Promise.all([
      attempt(deps, [{ drug_id: plenty, quantity: 1 }]),
      attempt(
        deps,
        [
          { drug_id: plenty, quantity: 4 },
          { drug_id: scarce, quantity: 3 },
        ],
        orderId,
      ),
      attempt(deps, [
        { drug_id: scarce, quantity: 2 },
        { drug_id: plenty, quantity: 1 },
      ]),
    ])
    assert.deepEqual(
      outcomes.map((o) => o.status),
      [201, 409, 201],
    )
    assert.deepEqual(outcomes[1]!.drug_ids, [scarce])
    assert.deepEqual([await reservedOf(rt, plenty), await reservedOf(rt, scarce)], [2, 2])
    const { rows } = await rt.db.query(`SELECT 1 FROM inventory.reservations WHERE order_id = $1`, [orderId])
    assert.equal(rows.length, 0)
    await assertConsistent(rt, plenty)
    await assertConsistent(rt, scarce)
  })

  test(`${label}: when stock moves after the plan, the group statement changes nothing`, async () => {
    const { rt } = get()
    const drugId = randomUUID()
    await stockBatch(rt, { drug_id: drugId, batch_number: 'M', expiry_date: inDays(200), quantity: 5 })
    const cutoff = shelfCutoff(inDays(0), 30)
    const [picks] = pickInTurn(await sellableBatches(rt.db, [drugId], cutoff), [[{ drug_id: drugId, quantity: 4 }]], cutoff)
    await rt.db.query(`UPDATE inventory.batches SET quantity_reserved = 2 WHERE drug_id = $1`, [drugId])
    const reservationId = randomUUID()
    const hold = {
      reservation_id: reservationId,
      order_id: randomUUID(),
      patient_id: randomUUID(),
      expires_at: new Date().toISOString(),
      picks: picks!,
      event: { id: randomUUID(), occurred_at: new Date().toISOString(), payload: {}, traceparent: null },
    }
    assert.equal(await holdMany(rt.db, [hold], cutoff), null)
    assert.equal(await reservedOf(rt, drugId), 2)
    const { rows } = await rt.db.query(
      `SELECT 1 FROM inventory.reservations WHERE reservation_id = $1 UNION ALL SELECT 1 FROM inventory.outbox WHERE aggregate_id = $2`,
      [reservationId, reservationId],
    )
    assert.equal(rows.length, 0)
  })
}
