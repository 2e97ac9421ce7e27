/**
 * Ingredient names as interaction lists and labels spell them: the same active moiety appears as
 * "sertraline", "sertraline hydrochloride" or "Sertraline HCl". Matching is on the base name.
 */

/** Salt, ester and hydrate words that do not change which active moiety a name refers to. */
const SALT_WORDS = new Set([
  'hydrochloride',
  'dihydrochloride',
  'hcl',
  'hydrobromide',
  'hydroiodide',
  'sodium',
  'disodium',
  'trisodium',
  'monosodium',
  'potassium',
  'dipotassium',
  'calcium',
  'magnesium',
  'sulfate',
  'sulphate',
  'bisulfate',
  'hemisulfate',
  'phosphate',
  'diphosphate',
  'acetate',
  'diacetate',
  'citrate',
  'maleate',
  'dimaleate',
  'fumarate',
  'hemifumarate',
  'tartrate',
  'bitartrate',
  'mesylate',
  'mesilate',
  'dimesylate',
  'besylate',
  'besilate',
  'tosylate',
  'succinate',
  'lactate',
  'gluconate',
  'chloride',
  'bromide',
  'iodide',
  'nitrate',
  'carbonate',
  'bicarbonate',
  'oxalate',
  'malate',
  'pamoate',
  'embonate',
  'stearate',
  'propionate',
  'dipropionate',
  'valerate',
  'butyrate',
  'hyclate',
  'hydrate',
  'monohydrate',
  'dihydrate',
  'trihydrate',
  'sesquihydrate',
  'hemihydrate',
  'anhydrous',
  'decanoate',
  'enanthate',
  'cypionate',
  'palmitate',
  'tromethamine',
  'meglumine',
  'benzoate',
  'napsylate',
  'edisylate',
  'xinafoate',
  'furoate',
  'hexahydrate',
  'lysine',
  'saccharate',
])

/** Mineral cations that are themselves active (potassium chloride is "potassium" to an interaction list). */
const ACTIVE_CATIONS = new Set(['potassium', 'calcium', 'magnesium', 'sodium'])

function words(name: string): string[] {
  return name.toLowerCase().replace(/[,()]/g, ' ').split(/\s+/).filter(Boolean)
}

/** The base name: lower case, salt words removed, unless nothing but salt words would remain. */
export function baseIngredient(name: string): string {
  const all = words(name)
  const kept = all.filter((w) => !SALT_WORDS.has(w))
  return (kept.length ? kept : all).join(' ')
}

/**
 * Every name under which an interaction list may know this ingredient: as written (lower case),
 * its base name, and for a salt of an active mineral (potassium chloride) the mineral itself.
 */
export function ingredientKeys(name: string): string[] {
  const all = words(name)
  const keys = new Set([all.join(' '), baseIngredient(name)])
  if (all.length > 1 && all.every((w) => SALT_WORDS.has(w)) && ACTIVE_CATIONS.has(all[0]!)) keys.add(all[0]!)
  keys.delete('')
  return [...keys]
}
