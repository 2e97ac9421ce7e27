import { after, before } from 'node:test'
import type { TestRuntime } from '@apotheca/kernel/testing'
import type { InventoryDeps } from '../src/application/deps.ts'
import { depsFor, startCatalogStub, startWithCatalogStub } from './support.ts'
import { groupHoldTests } from './group-hold.ts'

// On PostgreSQL the group statement runs beside the locking path on other pooled connections.
let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime
let deps: InventoryDeps

before(async () => {
  ;({ rt, catalog } = await startWithCatalogStub([], { backend: 'postgres' }))
  deps = depsFor(rt, catalog.url)
})
after(async () => {
  await rt?.close()
  await catalog?.close()
})

groupHoldTests('PostgreSQL', () => ({ rt, deps }))
