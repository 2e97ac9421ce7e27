import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { SERVICE_NAMES } from '@apotheca/contracts'

// DESIGN.md: a service imports only the kernel and contracts, and its SQL touches only its own schema.
const root = new URL('../../../', import.meta.url).pathname

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'data') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) files(p, out)
    else if (/\.(ts|sql|mjs)$/.test(name)) out.push(p)
  }
  return out
}

/** Every violation in one service's folder: imports of other services, SQL naming other schemas. */
export function violations(service: string, sources: Array<{ path: string; text: string }>): string[] {
  const others = SERVICE_NAMES.filter((s) => s !== service)
  const found: string[] = []
  for (const { path, text } of sources) {
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1]!
      const other = others.find(
        (o) =>
          spec === `@apotheca/${o}` || spec.startsWith(`@apotheca/${o}/`) || spec.includes(`services/${o}/`) || spec.includes(`../${o}/`),
      )
      if (other) found.push(`${path}: imports ${spec}`)
    }
    // Schema-qualified names in SQL: "<schema>.<table>" right after a SQL keyword that names a table.
    const sqlRef = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES|EXISTS)\\s+(?:ONLY\\s+)?(${others.join('|')})\\.\\w+`, 'gi')
    for (const m of text.matchAll(sqlRef)) found.push(`${path}: SQL touches ${m[1]}.* (${m[0]})`)
  }
  return found
}

test('no service imports another service or touches another service schema', () => {
  const all: string[] = []
  for (const service of SERVICE_NAMES) {
    const dir = join(root, 'services', service)
    const sources = files(dir).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }))
    all.push(...violations(service, sources))
  }
  assert.deepEqual(all, [])
})

test('the check itself catches an import of another service and a cross-schema query', () => {
  const found = violations('orders', [
    { path: 'a.ts', text: `import x from '@apotheca/inventory'\nconst q = /* sql */ \`SELECT * FROM inventory.batches\`` },
    { path: 'b.ts', text: `import { y } from '../../catalog/src/module.ts'` },
    { path: 'c.ts', text: `const ok = /* sql */ \`SELECT * FROM orders.orders JOIN orders.order_items USING (order_id)\`` },
  ])
  assert.equal(found.length, 3)
  assert.match(found[0]!, /imports @apotheca\/inventory/)
  assert.match(found[1]!, /SQL touches inventory/)
  assert.match(found[2]!, /catalog/)
})
