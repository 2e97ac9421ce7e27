import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addDays, pickFefo, pickInTurn, shelfCutoff, summarizeStock, type BatchStock } from './fefo.ts'

const DRUG = '11111111-1111-4111-8111-111111111111'
const OTHER = '22222222-2222-4222-8222-222222222222'
const LOC = '33333333-3333-4333-8333-333333333333'
const TODAY = '2026-03-01'
const CUTOFF = shelfCutoff(TODAY, 30)

function batch(batch_number: string, expiry_date: string, on_hand: number, over: Partial<BatchStock> = {}): BatchStock {
  return {
    batch_id: `id-${batch_number}`,
    drug_id: DRUG,
    location_id: LOC,
    batch_number,
    expiry_date,
    quantity_on_hand: on_hand,
    quantity_reserved: 0,
    status: 'available',
    ...over,
  }
}

test('date arithmetic crosses months and leap days', () => {
  assert.equal(addDays('2028-02-28', 1), '2028-02-29')
  assert.equal(addDays('2026-12-31', 1), '2027-01-01')
  assert.equal(CUTOFF, '2026-03-31')
})

test('picks the batch that expires first', () => {
  const { picks, short } = pickFefo(
    [batch('LATE', '2027-06-30', 10), batch('EARLY', '2026-09-30', 10)],
    [{ drug_id: DRUG, quantity: 4 }],
    CUTOFF,
  )
  assert.deepEqual(short, [])
  assert.deepEqual(
    picks.map((p) => [p.batch_number, p.quantity]),
    [['EARLY', 4]],
  )
})

test('splits across batches in expiry order when the first is not enough', () => {
  const batches = [batch('C', '2028-01-01', 50), batch('A', '2026-06-01', 3, { quantity_reserved: 1 }), batch('B', '2027-01-01', 5)]
  const { picks } = pickFefo(batches, [{ drug_id: DRUG, quantity: 6 }], CUTOFF)
  assert.deepEqual(
    picks.map((p) => [p.batch_number, p.quantity]),
    [
      ['A', 2],
      ['B', 4],
    ],
  )
})

test('skips batches with too little shelf life left, quarantined, recalled and expired ones', () => {
  const batches = [
    batch('SHORT', '2026-03-31', 10), // exactly at the cut-off: too short
    batch('Q', '2026-05-01', 10, { status: 'quarantined' }),
    batch('R', '2026-05-02', 10, { status: 'recalled' }),
    batch('X', '2026-05-03', 10, { status: 'expired' }),
    batch('OK', '2026-04-01', 10),
  ]
  const { picks } = pickFefo(batches, [{ drug_id: DRUG, quantity: 10 }], CUTOFF)
  assert.deepEqual(
    picks.map((p) => p.batch_number),
    ['OK'],
  )
})

test('all or nothing: a short drug is named with what could be had', () => {
  const batches = [batch('A', '2027-01-01', 5), batch('B', '2027-01-01', 5, { drug_id: OTHER })]
  const { short } = pickFefo(
    batches,
    [
      { drug_id: DRUG, quantity: 2 },
      { drug_id: OTHER, quantity: 9 },
    ],
    CUTOFF,
  )
  assert.deepEqual(short, [{ drug_id: OTHER, requested: 9, available: 5 }])
})

test('repeated lines of one drug never take the same units twice', () => {
  const { short } = pickFefo(
    [batch('A', '2027-01-01', 5)],
    [
      { drug_id: DRUG, quantity: 3 },
      { drug_id: DRUG, quantity: 3 },
    ],
    CUTOFF,
  )
  assert.deepEqual(short, [{ drug_id: DRUG, requested: 6, available: 5 }])
})

test('a summary counts everything on hand but only sellable free units as available', () => {
  const s = summarizeStock(
    [
      batch('A', '2027-01-01', 10, { quantity_reserved: 4 }),
      batch('Q', '2027-01-01', 7, { status: 'quarantined' }),
      batch('S', '2026-03-10', 2),
    ],
    CUTOFF,
  )
  assert.deepEqual(s, { quantity_on_hand: 19, quantity_reserved: 4, quantity_available: 6 })
})

test('orders planned in turn share one snapshot: each takes what the ones before left, a short one takes nothing', () => {
  const batches = [
    batch('A', '2026-06-01', 3),
    batch('B', '2026-09-01', 2, { quantity_reserved: 1 }),
    batch('X', '2026-06-01', 1, { drug_id: OTHER }),
  ]
  const plans = pickInTurn(
    batches,
    [
      [{ drug_id: DRUG, quantity: 2 }],
      [
        { drug_id: DRUG, quantity: 1 },
        { drug_id: OTHER, quantity: 2 },
      ],
      [{ drug_id: DRUG, quantity: 2 }],
      [{ drug_id: DRUG, quantity: 1 }],
      [{ drug_id: OTHER, quantity: 1 }],
    ],
    CUTOFF,
  )
  const show = (p: ReturnType<typeof pickInTurn>[number]) => p && p.map((x) => `${x.batch_number}:${x.quantity}`)
  assert.deepEqual(plans.map(show), [['A:2'], null, ['A:1', 'B:1'], null, ['X:1']])
  assert.equal(batches[0]!.quantity_reserved, 0)
})
