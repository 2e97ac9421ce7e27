import { readFileSync } from 'node:fs'
import { SEVERITIES, type ClassRule, type Severity } from '../domain/interactions.ts'

/** The shipped ONC class rules (built by scripts/build-class-rules.mjs from the ONC lists). */
export const CLASS_RULES_FILE = new URL('../../data/class-rules.tsv', import.meta.url)

/** Reads the class rules file (tab-separated, header line): a few dozen rows, read once at start. */
export function loadClassRules(file: URL = CLASS_RULES_FILE): ClassRule[] {
  const [, ...lines] = readFileSync(file, 'utf8').split('\n').filter(Boolean)
  return lines.map((l) => {
    const [class_a = '', class_b = '', severity = '', source = ''] = l.split('\t')
    if (!SEVERITIES.includes(severity as Severity)) throw new Error(`class-rules.tsv: bad severity ${severity}`)
    return { class_a, class_b, severity: severity as Severity, source }
  })
}
