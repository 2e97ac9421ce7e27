import type { Drug, NdcQuery } from '@apotheca/contracts'

/** A drug as the catalog answers it: the contracts `Drug` plus the codes and brand a pharmacy looks at. */
export type CatalogDrug = Drug & {
  brand_name: string | null
  product_ndc: string | null
  ndc_package_hyphenated: string | null
}

/** DEA schedules a drug can have; null means not controlled. */
export type DeaScheduleCode = NonNullable<Drug['dea_schedule']>

/** A catalog search: at least one of q, ndc, ingredient or rxcui, with optional filters and a page. */
export interface DrugSearch {
  q?: string | undefined
  ndc?: NdcQuery | undefined
  ingredient?: string | undefined
  /** RxNorm concept id (digits) of the product. */
  rxcui?: string | undefined
  rx_only?: boolean | undefined
  dosage_form?: string | undefined
  route?: string | undefined
  dea_schedule?: DeaScheduleCode | undefined
  limit: number
  offset: number
}

/** Prices in the catalog file are US cents. */
export const CATALOG_CURRENCY = 'USD'
