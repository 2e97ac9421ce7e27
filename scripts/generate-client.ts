// Regenerates packages/client/src/schema.d.ts from the document the server itself serves (npm run client:generate).
// A test (apps/server/test/client.int.test.ts) fails when the committed client differs from what this makes.
import { writeFileSync } from 'node:fs'
import openapiTS, { astToString } from 'openapi-typescript'
import { SERVICE_NAMES } from '@apotheca/contracts'
import { startTestRuntime } from '@apotheca/kernel/testing'
import { modulesFor } from '../apps/server/src/modules.ts'

export const CLIENT_SCHEMA = new URL('../packages/client/src/schema.d.ts', import.meta.url)

/** The public document: what every process serves, less the /internal routes between services. */
export async function publicDocument(): Promise<Record<string, unknown>> {
  const rt = await startTestRuntime({ modules: modulesFor([...SERVICE_NAMES]) })
  try {
    const doc = (await rt.request('GET', '/openapi.json')).json as { paths: Record<string, unknown> }
    doc.paths = Object.fromEntries(Object.entries(doc.paths).filter(([path]) => !path.startsWith('/internal/')))
    return doc
  } finally {
    await rt.close()
  }
}

export async function clientSource(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true })
  return `// Generated from the server's /openapi.json by scripts/generate-client.ts (npm run client:generate). Do not edit.\n${astToString(ast)}`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = await clientSource(await publicDocument())
  writeFileSync(CLIENT_SCHEMA, source)
  console.log(`wrote ${CLIENT_SCHEMA.pathname} (${source.length} characters)`)
}
