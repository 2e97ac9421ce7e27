import { after, before } from 'node:test'
import type { TestRuntime } from '@apotheca/kernel/testing'
import type { InventoryDeps } from '../src/application/deps.ts'
import { depsFor, startCatalogStub, startWithCatalogStub } from './support.ts'
import { groupHoldTests } from './group-hold.ts'

// PGlite runs the same group statement; its one connection serialises it with the locking path.
let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime
let deps: InventoryDeps

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub())
  deps = depsFor(rt, catalog.url)
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

groupHoldTests('PGlite', () => ({ rt, deps }))
