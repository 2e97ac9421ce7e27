import { catalogClient, ndcDigits, toNdc11, type Drug, type ServiceCaller } from '@apotheca/contracts'
import type { Logger } from '@apotheca/kernel'
import type { DrugLookup, SourceRefs } from '../domain/intake.ts'

/**
 * Asks the catalog for a drug by id. Only a 404 means "unknown"; anything else that goes wrong
 * (catalog down, not in this process, an unexpected answer) is "unavailable": the prescription is
 * still taken, unconfirmed, and the drug is checked again when a pharmacist verifies it.
 */
export async function lookupDrugById(services: ServiceCaller, log: Logger, drugId: string): Promise<DrugLookup> {
  try {
    const drug = await catalogClient(services).getDrug(drugId)
    if (!drug) return { kind: 'unknown', detail: `drug ${drugId} is not in the catalog` }
    return { kind: 'found', drug_id: drug.drug_id, dea_schedule: drug.dea_schedule, via: 'drug_id' }
  } catch (err) {
    log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'catalog unavailable for a drug lookup')
    return { kind: 'unavailable', drug_id: drugId }
  }
}

/**
 * Finds the catalog product an e-prescription names: by NDC (a product), else by RxNorm concept (the
 * catalog's first product for it, its choice to dispense for a generic order). Neither means the drug
 * is "uncoded" and a pharmacist matches it.
 */
export async function lookupDrugByCode(services: ServiceCaller, log: Logger, source: SourceRefs): Promise<DrugLookup> {
  if (source.ndc) return lookupDrugByNdc(services, log, source.ndc)
  if (source.rxnorm && RXCUI.test(source.rxnorm)) return lookupDrugByRxcui(services, log, source)
  return { kind: 'uncoded', detail: `drug not coded by NDC${codes(source)}: match it in the catalog` }
}

/** An RxNorm concept id as the catalog takes it. */
const RXCUI = /^[0-9]{1,10}$/

/** The catalog product with this NDC (any form); several products for one NDC are a pharmacist's choice. */
async function lookupDrugByNdc(services: ServiceCaller, log: Logger, given: string): Promise<DrugLookup> {
  const ndc = toNdc11(given)
  let results
  try {
    results = await catalogClient(services).searchByNdc(ndc)
  } catch (err) {
    if (isRefusal(err)) return { kind: 'unknown', detail: `NDC ${given} is not a catalog product` }
    log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'catalog unavailable for an NDC lookup')
    return { kind: 'unavailable', drug_id: null }
  }
  const exact = results.filter((d) => ndcDigits(d.ndc_code) === ndcDigits(ndc))
  const hit = exact.length === 1 ? exact[0] : results.length === 1 ? results[0] : undefined
  if (!hit)
    return {
      kind: 'unknown',
      detail: results.length ? `NDC ${given} matches ${results.length} catalog products` : `NDC ${given} is not a catalog product`,
    }
  return { kind: 'found', drug_id: hit.drug_id, dea_schedule: hit.dea_schedule, via: 'ndc' }
}

/** The first product the catalog maps to an RxNorm concept; none leaves the drug to the pharmacist, as an uncoded one. */
async function lookupDrugByRxcui(services: ServiceCaller, log: Logger, source: SourceRefs): Promise<DrugLookup> {
  let results: Drug[]
  try {
    results = await catalogClient(services).searchByRxcui(source.rxnorm!, 1)
  } catch (err) {
    if (!isRefusal(err)) {
      log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'catalog unavailable for an RxNorm lookup')
      return { kind: 'unavailable', drug_id: null }
    }
    results = []
  }
  const first = results[0]
  if (!first)
    return {
      kind: 'uncoded',
      detail: `drug not coded by NDC${codes(source)}, and no catalog product for the RxNorm code: match it in the catalog`,
    }
  return { kind: 'found', drug_id: first.drug_id, dea_schedule: first.dea_schedule, via: 'rxcui' }
}

/** The catalog refused the code itself (400, 404): not a product we know, rather than the catalog failing. */
const isRefusal = (err: unknown) => [400, 404].includes((err as { status?: number }).status ?? 0)

function codes(s: SourceRefs): string {
  const parts = [s.rxnorm ? `RxNorm ${s.rxnorm}` : null, s.drug_text ? `"${s.drug_text.slice(0, 80)}"` : null].filter(Boolean)
  return parts.length ? ` (${parts.join(', ')})` : ''
}
