import { after, before } from 'node:test'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import inventory from '../src/module.ts'
import type { InventoryDeps } from '../src/application/deps.ts'
import { INTERNAL_SECRET, depsFor, startCatalogStub } from './support.ts'
import { groupHoldTests } from './group-hold.ts'

// PGlite runs the same group statement; its one connection serialises it with the locking path.
let catalog: Awaited<ReturnType<typeof startCatalogStub>>
let rt: TestRuntime
let deps: InventoryDeps

before(async () => {
  catalog = await startCatalogStub([])
  rt = await startTestRuntime({ modules: [inventory], env: { APOTHECA_INTERNAL_SECRET: INTERNAL_SECRET, APOTHECA_SERVICE_URLS: `catalog=${catalog.url}` } })
  deps = depsFor(rt, catalog.url)
})
after(async () => { await rt?.close(); await catalog?.close() })

groupHoldTests('PGlite', () => ({ rt, deps }))
