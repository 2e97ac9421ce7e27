import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { internalToken, startCatalogStub, startWithCatalogStub } from './support.ts'
import { stressOneDrug } from './stress.ts'

// PGlite is one connection, so requests interleave between statements rather than run at once:
// the same invariants must hold with the embedded database (concurrency.pg.test.ts runs them truly at once).
let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub())
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

test('stress on PGlite: 200 reservations and 60 adjustments at once on one drug with 10 sellable units keep every invariant', async (t) => {
  const r = await stressOneDrug(rt, catalog, await internalToken(), { reservations: 200, adjustments: 60, seed: 7 })
  t.diagnostic(JSON.stringify(r))
  assert.ok(r.reserved > 0 && r.refused > 0, JSON.stringify(r))
  assert.ok(r.released > 0 && r.committed > 0 && r.adjusted > 0, JSON.stringify(r))
})
