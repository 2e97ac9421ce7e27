import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { refreshAvailabilityModel } from '../src/application/availability.ts'
import { depsFor, inDays, internalToken, startCatalogStub, startWithCatalogStub, stockBatch } from './support.ts'

let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub())
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const availability = (ids: string[]) => rt.request('GET', `/inventory/availability?drug_ids=${ids.join(',')}`)

test('availability is a read model: anyone may read it, it follows the batches once refreshed', async () => {
  const stocked = randomUUID()
  const never = randomUUID()
  await stockBatch(rt, { drug_id: stocked, batch_number: 'AV-1', expiry_date: inDays(300), quantity: 5 })
  await stockBatch(rt, { drug_id: stocked, batch_number: 'AV-SHORT', expiry_date: inDays(5), quantity: 50 })
  const refresh = () => refreshAvailabilityModel(depsFor(rt, catalog.url))
  await refresh()
  const first = await availability([stocked, never])
  assert.equal(first.status, 200)
  assert.deepEqual(
    first.json.items.map((i: any) => [i.drug_id, i.in_stock, i.quantity_available]),
    [
      [stocked, true, 5],
      [never, false, 0],
    ],
  )

  const r = await rt.request('POST', '/internal/reservations', {
    token: await internalToken(),
    body: { order_id: randomUUID(), patient_id: randomUUID(), items: [{ drug_id: stocked, quantity: 5 }] },
  })
  assert.equal(r.status, 201)
  assert.equal((await availability([stocked])).json.items[0].quantity_available, 5, 'eventually consistent: unchanged until refreshed')
  await refresh()
  assert.deepEqual((await availability([stocked])).json.items[0], {
    ...(await availability([stocked])).json.items[0],
    in_stock: false,
    quantity_available: 0,
  })
})

test('availability refuses what is not a list of drug ids', async () => {
  assert.equal((await availability(['not-a-uuid'])).status, 400)
  assert.equal((await rt.request('GET', '/inventory/availability')).status, 400)
  assert.equal((await availability(Array.from({ length: 101 }, () => randomUUID()))).status, 400)
})
