import { inAtcClass } from './atc-classes.ts'
import { ingredientKeys } from './ingredient.ts'

/** Interaction severities, strongest first. */
export const SEVERITIES = ['high', 'moderate', 'low'] as const
/** How serious an interaction is: high, moderate or low. */
export type Severity = (typeof SEVERITIES)[number]

/** One drug of a check: its id and its active ingredient names. */
export interface DrugIngredients {
  drug_id: string
  ingredients: string[]
  /** WHO ATC codes, for class rules; absent or empty: the drug is in no class. */
  atc_codes?: string[]
}

/** A rule between two drug classes (ONC lists), matched on the drugs' ATC codes (atc-classes.ts). */
export interface ClassRule {
  class_a: string
  class_b: string
  severity: Severity
  source: string
}

/** A known interaction between two ingredients (ingredient-level, from the interaction lists). */
export interface InteractionRule {
  ingredient_a: string
  ingredient_b: string
  severity: Severity
  description: string
  source: string
}

/** An interaction found between two drugs of a check, reported once per pair of drugs. */
export interface DrugInteraction {
  drug_ids: [string, string]
  ingredients: [string, string]
  severity: Severity
  description: string
  source: string
}

/** Every lookup name of every ingredient of the drugs (what to fetch rules for). */
export function lookupNames(drugs: DrugIngredients[]): string[] {
  return [...new Set(drugs.flatMap((d) => d.ingredients.flatMap(ingredientKeys)))]
}

/** For each lookup name of a drug, the ingredient as the drug names it. */
function keyIndex(drug: DrugIngredients): Map<string, string> {
  const index = new Map<string, string>()
  for (const ing of drug.ingredients) for (const key of ingredientKeys(ing)) if (!index.has(key)) index.set(key, ing)
  return index
}

/** The two ingredients (drug a's, drug b's) that a rule links, if it links these drugs at all. */
function match(a: Map<string, string>, b: Map<string, string>, rule: InteractionRule): [string, string] | undefined {
  const [x, y] = [a.get(rule.ingredient_a), b.get(rule.ingredient_b)]
  if (x !== undefined && y !== undefined) return [x, y]
  const [u, v] = [a.get(rule.ingredient_b), b.get(rule.ingredient_a)]
  if (u !== undefined && v !== undefined) return [u, v]
  return undefined
}

/** The strongest rule between two drugs, with the two ingredients it matched (in the drugs' order). */
function strongest(a: Map<string, string>, b: Map<string, string>, rules: InteractionRule[]) {
  let best: { rule: InteractionRule; ingredients: [string, string] } | undefined
  for (const rule of rules) {
    if (best && rank(rule.severity) >= rank(best.rule.severity)) continue
    const ingredients = match(a, b, rule)
    if (ingredients) best = { rule, ingredients }
  }
  return best
}

const rank = (s: Severity) => SEVERITIES.indexOf(s)

/** The strongest class rule between two drugs, as an interaction rule on their ingredient lists. */
function strongestClass(a: DrugIngredients, b: DrugIngredients, rules: ClassRule[]) {
  let best: { rule: InteractionRule; ingredients: [string, string] } | undefined
  const [ca, cb] = [a.atc_codes ?? [], b.atc_codes ?? []]
  if (!ca.length || !cb.length) return undefined
  for (const r of rules) {
    if (best && rank(r.severity) >= rank(best.rule.severity)) continue
    const hit = (inAtcClass(r.class_a, ca) && inAtcClass(r.class_b, cb)) || (inAtcClass(r.class_b, ca) && inAtcClass(r.class_a, cb))
    if (!hit) continue
    const list = r.source === 'onc_high_priority' ? 'ONC high-priority' : 'ONC non-interruptive'
    const rule = {
      ingredient_a: r.class_a,
      ingredient_b: r.class_b,
      severity: r.severity,
      description: `${list} DDI (class rule): ${r.class_a} × ${r.class_b}`,
      source: `${r.source}_class`,
    }
    best = { rule, ingredients: [a.ingredients.join(' / '), b.ingredients.join(' / ')] }
  }
  return best
}

/**
 * Checks every pair of distinct drugs against the ingredient rules and the class rules; each
 * interacting pair is reported once, with its highest severity (on a tie the ingredient rule, being
 * more specific, is kept). Results come strongest first, then in the order the drugs were given.
 */
export function findInteractions(drugs: DrugIngredients[], rules: InteractionRule[], classRules: ClassRule[] = []): DrugInteraction[] {
  const distinct = [...new Map(drugs.map((d) => [d.drug_id, d])).values()]
  const indexes = distinct.map(keyIndex)
  const found: DrugInteraction[] = []
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      let hit = strongest(indexes[i]!, indexes[j]!, rules)
      const byClass = strongestClass(distinct[i]!, distinct[j]!, classRules)
      if (byClass && (!hit || rank(byClass.rule.severity) < rank(hit.rule.severity))) hit = byClass
      if (!hit) continue
      const { severity, description, source } = hit.rule
      found.push({ drug_ids: [distinct[i]!.drug_id, distinct[j]!.drug_id], ingredients: hit.ingredients, severity, description, source })
    }
  }
  return found.sort((x, y) => rank(x.severity) - rank(y.severity))
}
