// build-class-rules.mjs — the ONC drug-class interaction rules, one row per pair of classes.
// Usage (repo root): node services/catalog/scripts/build-class-rules.mjs [SHARED_DATA_DIR] [OUT_FILE]
// Reads ddi/onc_high_priority_ddi_pairs.csv and ddi/onc_noninterruptive_ddi_pairs.csv (public domain,
// ONC/Phansalkar et al.), writes services/catalog/data/class-rules.tsv: class_a, class_b, severity,
// source, named_pairs (how many member pairs the list spells out). Rows naming no class on one side are
// skipped (they are drug-specific; the ingredient rules carry them). Deterministic: sorted, no dates.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const shared = resolve(process.argv[2] ?? '../shared/data')
const out = resolve(process.argv[3] ?? 'services/catalog/data/class-rules.tsv')
const files = [
  ['ddi/onc_high_priority_ddi_pairs.csv', 'high', 'onc_high_priority'],
  ['ddi/onc_noninterruptive_ddi_pairs.csv', 'low', 'onc_noninterruptive'],
]

function csv(text) {
  const rows = []
  let row = []
  let f = ''
  let q = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"'
        i++
      } else if (c === '"') q = false
      else f += c
    } else if (c === '"') q = true
    else if (c === ',') {
      row.push(f)
      f = ''
    } else if (c === '\n') {
      row.push(f.replace(/\r$/, ''))
      rows.push(row)
      row = []
      f = ''
    } else f += c
  }
  if (f || row.length) {
    row.push(f)
    rows.push(row)
  }
  const [h, ...rest] = rows
  return rest.filter((r) => r.length === h.length).map((r) => Object.fromEntries(h.map((k, i) => [k, r[i].trim()])))
}

const rules = new Map()
let skipped = 0
for (const [file, severity, source] of files) {
  for (const r of csv(readFileSync(resolve(shared, file), 'utf8'))) {
    const a = r.object_class
    const b = r.precipitant_class
    if (!a || !b) {
      skipped++
      continue
    }
    const key = `${a}\t${b}`
    const prev = rules.get(key)
    if (prev && prev.source === 'onc_high_priority' && source !== prev.source) continue
    rules.set(key, { a, b, severity, source, n: (prev?.n ?? 0) + 1 })
  }
}
const lines = [...rules.values()]
  .sort((x, y) => (x.a + x.b < y.a + y.b ? -1 : 1))
  .map((r) => [r.a, r.b, r.severity, r.source, r.n].join('\t'))
writeFileSync(out, ['class_a\tclass_b\tseverity\tsource\tnamed_pairs', ...lines, ''].join('\n'))
console.log(`class rules: ${lines.length} written to ${out}; ${skipped} rows without a class on one side skipped`)
