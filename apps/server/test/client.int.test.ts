import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { CLIENT_SCHEMA, clientSource, publicDocument } from '../../../scripts/generate-client.ts'

test('the committed typed client is what the server now generates (npm run client:generate when this fails)', async () => {
  const doc = await publicDocument()
  assert.ok(!Object.keys(doc.paths as object).some((p) => p.startsWith('/internal/')), 'the client leaves out /internal routes')
  const fresh = await clientSource(doc)
  const committed = readFileSync(CLIENT_SCHEMA, 'utf8')
  if (fresh !== committed) {
    const a = fresh.split('\n')
    const b = committed.split('\n')
    const line = a.findIndex((l, i) => l !== b[i])
    assert.fail(
      `packages/client/src/schema.d.ts is stale from line ${line + 1}: run npm run client:generate\n  now: ${a[line]}\n  was: ${b[line]}`,
    )
  }
})
