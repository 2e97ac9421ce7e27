import type { Sql } from '@apotheca/kernel'
import { CATALOG_CURRENCY, type CatalogDrug } from '../domain/drug.ts'
import type { DrugIngredients } from '../domain/interactions.ts'

/** The columns a drug answer is built from, qualified with the alias `d`. */
export const DRUG_COLUMNS = [
  'drug_id',
  'ndc_code',
  'ndc_package_hyphenated',
  'product_ndc',
  'name',
  'nonproprietary_name',
  'brand_name',
  'strength',
  'dosage_form',
  'route',
  'ingredients',
  'rxcui',
  'atc_codes',
  'dea_schedule',
  'rx_only',
  'price_minor',
  'manufacturer',
  'description',
]
  .map((c) => `d.${c}`)
  .join(', ')

/** A row of catalog.drugs as selected with DRUG_COLUMNS. */
export interface DrugRow {
  drug_id: string
  ndc_code: string
  ndc_package_hyphenated: string | null
  product_ndc: string | null
  name: string
  nonproprietary_name: string | null
  brand_name: string | null
  strength: string | null
  dosage_form: string | null
  route: string | null
  ingredients: string[]
  rxcui: string | null
  atc_codes: string[]
  dea_schedule: CatalogDrug['dea_schedule']
  rx_only: boolean
  price_minor: number
  manufacturer: string | null
  description: string | null
}

/** The API shape of a drug row: contracts `Drug` (price as money) plus codes and brand. */
export function toDrug(r: DrugRow): CatalogDrug {
  return {
    drug_id: r.drug_id,
    name: r.name,
    nonproprietary_name: r.nonproprietary_name,
    brand_name: r.brand_name,
    ndc_code: r.ndc_code,
    ndc_package_hyphenated: r.ndc_package_hyphenated,
    product_ndc: r.product_ndc,
    manufacturer: r.manufacturer,
    description: r.description,
    strength: r.strength,
    dosage_form: r.dosage_form,
    route: r.route,
    active_ingredients: r.ingredients,
    rx_only: r.rx_only,
    dea_schedule: r.dea_schedule,
    price: { amount: Number(r.price_minor), currency: CATALOG_CURRENCY },
    rxcui: r.rxcui,
    atc_codes: r.atc_codes,
  }
}

/** One drug by id, or null. */
export async function findDrugById(db: Sql, drugId: string): Promise<CatalogDrug | null> {
  const { rows } = await db.query<DrugRow>(/* sql */ `SELECT ${DRUG_COLUMNS} FROM catalog.drugs d WHERE d.drug_id = $1`, [drugId])
  return rows[0] ? toDrug(rows[0]) : null
}

/** The active ingredients and ATC codes of the drugs that exist among these ids (unknown ids are simply absent). */
export async function findIngredientsByIds(db: Sql, drugIds: string[]): Promise<DrugIngredients[]> {
  const { rows } = await db.query<DrugIngredients>(
    /* sql */ `SELECT d.drug_id, d.ingredients, d.atc_codes FROM catalog.drugs d WHERE d.drug_id = ANY($1::uuid[])`,
    [drugIds],
  )
  return rows
}
