import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { ROOT } from './processes.ts'

// A user clones this repository alone: no code, test or script may read a file outside it (the
// workshop's ../shared folder was the one such place). Comments may mention it; code may not.
const CODE = /\.(ts|tsx|mts|js|mjs|cjs)$/
const roots = ['apps', 'packages', 'services', 'scripts', 'bench', 'fixtures']
/** Maintainer tools that rebuild shipped data or fixtures from the workshop's data, run by hand (their headers say
 * how), and this test, whose own samples are such reads. */
const DATA_BUILDERS = new Set([
  'fixtures/build-fixtures.mjs',
  'services/catalog/scripts/build-catalog-data.mjs',
  'services/catalog/scripts/build-class-rules.mjs',
  'services/delivery/scripts/build-zip-centroids.mjs',
  'apps/server/test/standalone.test.ts',
])

function codeFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.') || name === 'dist') continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) codeFiles(p, out)
    else if (CODE.test(name)) out.push(p)
  }
  return out
}

/** The file's text without its comments (line and block), so only code and string literals remain. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

/** Relative paths in string literals (`'../x'`), resolved from the file's folder. */
function relativeLiterals(code: string): string[] {
  return [...code.matchAll(/['"`]((?:\.\.\/)+[^'"`$]*)['"`]/g)].map((m) => m[1]!)
}

test('no code in the repository reads a file outside it', () => {
  const breaches: string[] = []
  for (const file of roots.flatMap((r) => codeFiles(join(ROOT, r)))) {
    const code = withoutComments(readFileSync(file, 'utf8'))
    const where = relative(ROOT, file)
    if (DATA_BUILDERS.has(where)) continue
    if (/['"`][^'"`\n]*\bshared\/(data|acceptance|recipes)\b/.test(code) || /['"`]shared['"`]/.test(code)) {
      breaches.push(`${where}: names the workshop's shared folder`)
    }
    for (const rel of relativeLiterals(code)) {
      const target = resolve(dirname(file), rel)
      if (relative(ROOT, target).startsWith('..')) breaches.push(`${where}: '${rel}' leaves the repository`)
    }
  }
  assert.deepEqual(breaches, [])
})

test('the check sees a read of the workshop folder and a path that leaves the repository', () => {
  const sample = `const a = join(ROOT, '..', 'shared', 'data')\n// '../shared/data' in a comment is fine\nconst b = '../../../../x'`
  const code = withoutComments(sample)
  assert.match(code, /['"`]shared['"`]/)
  assert.deepEqual(relativeLiterals(code), ['../../../../x'])
  assert.ok(!code.includes('in a comment'))
})
