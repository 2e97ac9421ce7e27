/**
 * The drug classes of the ONC interaction lists, as WHO ATC codes, so a class rule (amphetamine
 * derivatives × MAO inhibitors) also catches a member the list does not name. A drug is in a class
 * when one of its ATC codes starts with an `in` prefix and none with an `out` prefix.
 *
 * Choices (WHO ATC/DDD index): systemic groups only, so an eye drop or cream of the same substance
 * (S01…, D01…) does not fire a systemic rule; where the ONC list means only some members of an ATC
 * group, the level-5 codes it means are listed instead of the group:
 * - "HMG Co-A reductase inhibitors" (× CYP3A4 inhibitors) are the CYP3A4-metabolised statins
 *   simvastatin C10AA01, lovastatin C10AA02, atorvastatin C10AA05, not pravastatin or rosuvastatin;
 * - "CYP3A4 inhibitors / Macrolides" leaves out azithromycin J01FA10 (not a CYP3A4 inhibitor);
 * - "Strong CYP3A4 inducers" and the MAO inhibitors outside N06AF/N06AG/N04BD (procarbazine,
 *   linezolid, methylene blue) are level-5 codes, as ATC has no group for them.
 * Modafinil and armodafinil (N06BA07, N06BA13) are not amphetamine derivatives and are left out.
 * Not mapped (the rule then matches no drug by class): "QT prolonging agents" (no ATC class; the
 * DrugBank-mapped list expands it into ingredient pairs instead).
 */
export interface AtcClass {
  in: string[]
  out?: string[]
}

const MAOI: AtcClass = { in: ['N06AF', 'N06AG', 'N04BD', 'L01XB01', 'J01XX08', 'V03AB17'] }
const PROTEASE_INHIBITORS: AtcClass = { in: ['J05AE'] }
const AZOLES: AtcClass = { in: ['J02AB', 'J02AC'] }
const NSAID: AtcClass = { in: ['M01A'], out: ['M01AX05', 'M01AX25'] }
const CORTICOSTEROIDS: AtcClass = { in: ['H02AB'] }
const CALCIUM: AtcClass = { in: ['A12AA'] }
const IRON: AtcClass = { in: ['B03AA', 'B03AB', 'B03AC', 'B03AD', 'B03AE'] }

/** ONC class names (lower case, as spelled in the lists) → ATC codes. */
export const ATC_CLASSES: Record<string, AtcClass> = {
  'amphetamine derivatives': { in: ['N06BA', 'A08AA'], out: ['N06BA05', 'N06BA07', 'N06BA13'] },
  maoi: MAOI,
  'mao inhibitors': MAOI,
  'monoamine oxidase (mao) inhibitors': MAOI,
  ssris: { in: ['N06AB'] },
  'serotonin reuptake blockers': { in: ['N06AB'] },
  'tricyclic antidepressants (tcas)': { in: ['N06AA'] },
  triptans: { in: ['N02CC'] },
  'narcotic analgesics': { in: ['N02A', 'N07BC02'] },
  'ergot alkaloids and derivatives': { in: ['N02CA', 'G02AB'] },
  'cyp3a4 inhibitors / azoles': AZOLES,
  'cyp3a4 inhibitors / macrolides': { in: ['J01FA'], out: ['J01FA10'] },
  'cyp3a4 inhibitors / protease inhibitors': PROTEASE_INHIBITORS,
  'cyp3a4 inhibitors / indinavir': PROTEASE_INHIBITORS,
  'protease inhibitors': PROTEASE_INHIBITORS,
  'hmg co-a reductase inhibitors': { in: ['C10AA01', 'C10AA02', 'C10AA05'] },
  statins: { in: ['C10AA'] },
  'strong cyp3a4 inducers': { in: ['J04AB02', 'J04AB04', 'J04AB05', 'N03AF01', 'N03AB02', 'N03AA02', 'N06AX25', 'C02KX01'] },
  'ace inhibitors': { in: ['C09A', 'C09B'] },
  'angiotensin ii receptor antagonists': { in: ['C09C', 'C09D'] },
  nsaid: NSAID,
  nsaids: NSAID,
  salicylates: { in: ['N02BA', 'B01AC06'] },
  antacids: { in: ['A02A'] },
  corticosteroids: CORTICOSTEROIDS,
  'corticosteroids(oral)': CORTICOSTEROIDS,
  'corticosteroids/corticotropin': { in: ['H02AB', 'H01AA'] },
  'iron salts': IRON,
  'iron salts (oral)': IRON,
  anticoagulants: { in: ['B01AA', 'B01AB', 'B01AE', 'B01AF', 'B01AX05'] },
  acetaminophen: { in: ['N02BE01'] },
  'proton pump inhibitors': { in: ['A02BC'] },
  omeprazole: { in: ['A02BC01'] },
  'vitamin e': { in: ['A11HA03'] },
  niacin: { in: ['C10AD02'] },
  clopidogrel: { in: ['B01AC04'] },
  bisphosphonates: { in: ['M05BA', 'M05BB'] },
  'calcium salts': CALCIUM,
  'calcium salts (oral)': CALCIUM,
  anticholinesterases: { in: ['N07AA', 'N06DA'] },
  'thyroid hormones': { in: ['H03AA'] },
  'macrolide immunosuppressives': { in: ['L04AD02', 'L04AA10', 'L04AA18', 'L04AH'] },
  benzodiazepines: { in: ['N05BA', 'N05CD'] },
  'oral contraceptives': { in: ['G03AA', 'G03AB'] },
  imidazoles: { in: ['J02AB'] },
  sulfonylureas: { in: ['A10BB'] },
  'thiazide-type diuretics': { in: ['C03AA', 'C03BA'] },
  'vitamin b12': { in: ['B03BA'] },
  'zinc salts (oral)': { in: ['A12CB'] },
  'quinolones (oral)': { in: ['J01MA'] },
  'nifedipine and derivatives': { in: ['C08CA'] },
  'β-adrenergic blockers': { in: ['C07'] },
}

/** Whether a drug with these ATC codes belongs to the named ONC class (unmapped classes: never). */
export function inAtcClass(className: string, atcCodes: string[]): boolean {
  const c = ATC_CLASSES[className.trim().toLowerCase()]
  if (!c) return false
  return atcCodes.some((code) => c.in.some((p) => code.startsWith(p)) && !c.out?.some((p) => code.startsWith(p)))
}
