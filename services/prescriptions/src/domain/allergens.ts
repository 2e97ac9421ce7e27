/** What an allergy means for matching drugs: ingredient names (lower case) and ATC code prefixes. */
export interface AllergenMeaning {
  ingredients: string[]
  atc_prefixes: string[]
}

/** A class of drugs a patient may be allergic to, the names it is recorded by, and how drugs of it are recognised. */
interface AllergenClass {
  terms: string[]
  ingredients: string[]
  atc_prefixes: string[]
}

/**
 * Common drug-allergy classes. A drug belongs to a class when one of its ATC codes starts with a prefix
 * (catalog products carry ATC codes) or, for products without one, when an ingredient is named here.
 * Sulfonamides are the J01E subgroups with a sulfonamide (J01EA is trimethoprim alone); aspirin is kept
 * with the NSAIDs because of their cross-reactivity, and also has its own entry.
 */
export const ALLERGEN_CLASSES: readonly AllergenClass[] = [
  {
    terms: ['penicillin', 'penicillins'],
    atc_prefixes: ['J01C'],
    ingredients: ['penicillin', 'amoxicillin', 'ampicillin', 'dicloxacillin', 'nafcillin', 'oxacillin', 'piperacillin', 'ticarcillin'],
  },
  {
    terms: ['cephalosporin', 'cephalosporins'],
    atc_prefixes: ['J01DB', 'J01DC', 'J01DD', 'J01DE', 'J01DI'],
    ingredients: [
      'cefaclor',
      'cefadroxil',
      'cefazolin',
      'cefdinir',
      'cefepime',
      'cefixime',
      'cefpodoxime',
      'cefprozil',
      'ceftriaxone',
      'cefuroxime',
      'cephalexin',
    ],
  },
  {
    terms: ['sulfonamide', 'sulfonamides', 'sulphonamide', 'sulphonamides', 'sulfa', 'sulfa drug', 'sulfa drugs'],
    atc_prefixes: ['J01EB', 'J01EC', 'J01ED', 'J01EE'],
    ingredients: ['sulfamethoxazole', 'sulfadiazine', 'sulfasalazine', 'sulfisoxazole'],
  },
  {
    terms: [
      'nsaid',
      'nsaids',
      'non-steroidal anti-inflammatory drug',
      'non-steroidal anti-inflammatory drugs',
      'nonsteroidal anti-inflammatory agent',
    ],
    atc_prefixes: ['M01A'],
    ingredients: [
      'aspirin',
      'ibuprofen',
      'naproxen',
      'diclofenac',
      'ketorolac',
      'indomethacin',
      'meloxicam',
      'celecoxib',
      'etodolac',
      'nabumetone',
      'piroxicam',
      'ketoprofen',
    ],
  },
  {
    terms: ['aspirin', 'acetylsalicylic acid', 'salicylate', 'salicylates'],
    atc_prefixes: ['N02BA', 'B01AC06'],
    ingredients: ['aspirin', 'salsalate', 'diflunisal'],
  },
  { terms: ['macrolide', 'macrolides'], atc_prefixes: ['J01FA'], ingredients: ['azithromycin', 'clarithromycin', 'erythromycin'] },
  { terms: ['tetracycline', 'tetracyclines'], atc_prefixes: ['J01AA'], ingredients: ['tetracycline', 'doxycycline', 'minocycline'] },
  {
    terms: ['fluoroquinolone', 'fluoroquinolones', 'quinolone', 'quinolones'],
    atc_prefixes: ['J01MA'],
    ingredients: ['ciprofloxacin', 'levofloxacin', 'moxifloxacin', 'ofloxacin'],
  },
  {
    terms: ['opioid', 'opioids', 'opiate', 'opiates'],
    atc_prefixes: ['N02A'],
    ingredients: [
      'codeine',
      'morphine',
      'oxycodone',
      'hydrocodone',
      'hydromorphone',
      'fentanyl',
      'tramadol',
      'meperidine',
      'methadone',
      'oxymorphone',
      'tapentadol',
    ],
  },
  {
    terms: ['ace inhibitor', 'ace inhibitors'],
    atc_prefixes: ['C09A', 'C09B'],
    ingredients: [
      'benazepril',
      'captopril',
      'enalapril',
      'fosinopril',
      'lisinopril',
      'perindopril',
      'quinapril',
      'ramipril',
      'trandolapril',
    ],
  },
  {
    terms: ['statin', 'statins'],
    atc_prefixes: ['C10AA'],
    ingredients: ['atorvastatin', 'fluvastatin', 'lovastatin', 'pravastatin', 'rosuvastatin', 'simvastatin'],
  },
]

/** FHIR AllergyIntolerance categories that are not drugs: recorded, never matched against a drug. */
const NON_DRUG_CATEGORIES = ['food', 'environment', 'biologic']

/** A substance as people record it ("Allergy to penicillin (disorder)", "Sulfa allergy") reduced to its name: "penicillin", "sulfa". */
export function normaliseSubstance(s: string): string {
  return s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(history of|allergic to|allergy to|allergies to|intolerance to|product containing)\s+/, '')
    .replace(/\s+(allergy|allergies|intolerance|containing product)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * What an allergy means for matching: a known class (table above), else the substance's own name as
 * an ingredient. Allergies FHIR files under food, environment or biologic only match nothing.
 */
export function meaningOf(substance: string, categories: readonly string[] = []): AllergenMeaning {
  if (categories.length && categories.every((c) => NON_DRUG_CATEGORIES.includes(c))) return { ingredients: [], atc_prefixes: [] }
  const name = normaliseSubstance(substance)
  const cls = ALLERGEN_CLASSES.find((c) => c.terms.includes(name))
  if (cls) return { ingredients: [...cls.ingredients], atc_prefixes: [...cls.atc_prefixes] }
  return { ingredients: name ? [name] : [], atc_prefixes: [] }
}

/** True when an ingredient is the allergen, or one is the other with a salt or form after it ("penicillin v potassium"). */
export function sameSubstance(ingredient: string, allergen: string): boolean {
  const a = ingredient.toLowerCase().trim()
  const b = allergen.toLowerCase().trim()
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `)
}
