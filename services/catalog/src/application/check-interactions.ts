import { Problem, type Sql } from '@apotheca/kernel'
import { findInteractions, lookupNames, type ClassRule, type DrugIngredients, type DrugInteraction } from '../domain/interactions.ts'
import { findIngredientsByIds } from '../db/drug.repository.ts'
import { findRulesAmong } from '../db/interaction.repository.ts'

/** Checks a set of drugs for drug–drug interactions (ingredient and ATC class rules); unknown drug ids → 404 listing them. */
export async function checkInteractions(
  db: Sql,
  drugIds: string[],
  classRules: ClassRule[] = [],
): Promise<{ interactions: DrugInteraction[] }> {
  const drugs = await knownDrugs(db, drugIds)
  return { interactions: await interactionsAmong(db, drugs, classRules) }
}

/** The ingredients of these drugs, in the order given without repeats; unknown drug ids → 404 listing them. */
export async function knownDrugs(db: Sql, drugIds: string[]): Promise<DrugIngredients[]> {
  const ids = [...new Set(drugIds.map((id) => id.toLowerCase()))]
  const found = new Map((await findIngredientsByIds(db, ids)).map((d) => [d.drug_id, d]))
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length) {
    throw new Problem(404, 'drugs-not-found', 'Some drugs are not in the catalog', `unknown drug_ids: ${missing.join(', ')}`, {
      drug_ids: missing,
    })
  }
  return ids.map((id) => found.get(id)!)
}

/** Every interacting pair among the drugs (pairs in the order the drugs are given), strongest first. */
export async function interactionsAmong(db: Sql, drugs: DrugIngredients[], classRules: ClassRule[]): Promise<DrugInteraction[]> {
  const rules = await findRulesAmong(db, lookupNames(drugs))
  return findInteractions(drugs, rules, classRules)
}
