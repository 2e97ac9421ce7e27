import { catalogClient, type ServiceCaller } from '@apotheca/contracts'
import type { Logger } from '@apotheca/kernel'
import type { DrugLookup, SourceRefs } from '../domain/intake.ts'
import { ndcDigits, toNdc11 } from '../domain/ndc.ts'

/**
 * Asks the catalog for a drug by id. Only a 404 means "unknown"; anything else that goes wrong
 * (catalog down, not in this process, an unexpected answer) is "unavailable": the prescription is
 * still taken, unconfirmed, and the drug is checked again when a pharmacist verifies it.
 */
export async function lookupDrugById(services: ServiceCaller, log: Logger, drugId: string): Promise<DrugLookup> {
  try {
    const drug = await catalogClient(services).getDrug(drugId)
    if (!drug) return { kind: 'unknown', detail: `drug ${drugId} is not in the catalog` }
    return { kind: 'found', drug_id: drug.drug_id, dea_schedule: drug.dea_schedule }
  } catch (err) {
    log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'catalog unavailable for a drug lookup')
    return { kind: 'unavailable', drug_id: drugId }
  }
}

/** Finds the catalog product for an NDC given in any form; no NDC means the drug is "uncoded". */
export async function lookupDrugByNdc(services: ServiceCaller, log: Logger, source: SourceRefs): Promise<DrugLookup> {
  if (!source.ndc) return { kind: 'uncoded', detail: `drug not coded by NDC${codes(source)}: match it in the catalog` }
  const ndc = toNdc11(source.ndc)
  let results
  try {
    results = await catalogClient(services).searchByNdc(ndc)
  } catch (err) {
    const status = (err as { status?: number }).status
    if (status === 400 || status === 404) return { kind: 'unknown', detail: `NDC ${source.ndc} is not a catalog product` }
    log.warn({ service: 'catalog', err: (err as Error).message.slice(0, 200) }, 'catalog unavailable for an NDC lookup')
    return { kind: 'unavailable', drug_id: null }
  }
  const exact = results.filter((d) => ndcDigits(d.ndc_code) === ndcDigits(ndc))
  const hit = exact.length === 1 ? exact[0] : results.length === 1 ? results[0] : undefined
  if (!hit) return { kind: 'unknown', detail: results.length ? `NDC ${source.ndc} matches ${results.length} catalog products` : `NDC ${source.ndc} is not a catalog product` }
  return { kind: 'found', drug_id: hit.drug_id, dea_schedule: hit.dea_schedule }
}

function codes(s: SourceRefs): string {
  const parts = [s.rxnorm ? `RxNorm ${s.rxnorm}` : null, s.drug_text ? `"${s.drug_text.slice(0, 80)}"` : null].filter(Boolean)
  return parts.length ? ` (${parts.join(', ')})` : ''
}
