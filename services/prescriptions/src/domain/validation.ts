import type { Finding } from './findings.ts'
import { checkRules, isControlled, type DeaSchedule } from './prescription-rules.ts'

/** What identity knows of the prescriber, or why we do not know. */
export type PrescriberRecord =
  | { kind: 'found'; npi: string; dea_number: string | null; licence_state: string | null; dea_schedules?: string[] | undefined }
  | { kind: 'unknown' }
  | { kind: 'unavailable' }
  | { kind: 'none' }

/** What validation looks at: the prescription's own fields and its drug's schedule. */
export interface ValidationInput {
  issue_date: string | null
  expiry_date: string | null
  quantity: number | null
  refill_count: number
  prescriber_npi: string | null
  schedule: DeaSchedule | null
  /** False while the catalog could not confirm the drug (its schedule is then unknown). */
  drug_confirmed: boolean
}

const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY PR VI GU AS MP'
  ).split(' '),
)

/** NPI: 10 digits, Luhn check digit over the number prefixed with 80840 (CMS). */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false
  const digits = `80840${npi}`
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** DEA number: registrant letter, a letter (or 9), seven digits, the last a check digit (DEA's formula). */
export function isValidDea(dea: string): boolean {
  const m = /^([ABCDEFGHJKLMPRSTUX])([A-Z9])(\d{7})$/.exec(dea.toUpperCase())
  if (!m) return false
  const d = m[3]!.split('').map(Number)
  return (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10 === d[6]
}

const block = (code: string, message: string): Finding => ({ code, severity: 'blocking', message })

/**
 * The validating step: the prescriber (NPI, DEA registration for controlled drugs and its
 * schedules, licence state), the dates and the law of the drug's schedule (no refills on CII; at
 * most five refills and six months on CIII–CIV). Breaking the law is `blocking` (the prescription
 * is rejected); what could not be checked is a finding the pharmacist must override.
 */
export function validatePrescription(p: ValidationInput, prescriber: PrescriberRecord, today: string): Finding[] {
  const out: Finding[] = [...prescriberFindings(p, prescriber)]
  if (p.issue_date) {
    const { violations } = checkRules(
      { issue_date: p.issue_date, expiry_date: p.expiry_date, quantity: p.quantity ?? 1, refill_count: p.refill_count },
      p.schedule,
      today,
    )
    for (const v of violations) out.push(block(`rule_${v.field}`, `${v.field}: ${v.message}`))
  }
  if (!p.drug_confirmed)
    out.push({
      code: 'schedule_unknown',
      severity: 'moderate',
      message: 'the catalog could not confirm the drug: its schedule and legal limits are checked again at approval',
    })
  return out
}

function prescriberFindings(p: ValidationInput, r: PrescriberRecord): Finding[] {
  const out: Finding[] = []
  const npi = r.kind === 'found' ? r.npi : p.prescriber_npi
  // Identity's own record is authoritative; an NPI only the message carries is an unresolved reference, for a pharmacist to settle.
  if (npi && !isValidNpi(npi)) {
    const message = `prescriber NPI ${npi.slice(0, 20)} fails its check digit`
    out.push(r.kind === 'found' ? block('prescriber_npi_invalid', message) : { code: 'prescriber_npi_invalid', severity: 'high', message })
  }
  if ((r.kind === 'none' || r.kind === 'unavailable') && isControlled(p.schedule)) {
    out.push({
      code: 'prescriber_dea_unverified',
      severity: 'high',
      message: `schedule ${p.schedule}: the prescriber's DEA registration could not be checked with identity`,
    })
  }
  if (r.kind === 'unknown') out.push(block('prescriber_unknown', 'the prescriber is not a practitioner known to identity'))
  // A signed-in prescriber is one of our accounts; for a controlled drug the unchecked DEA registration is a finding of its own (above).
  if (r.kind === 'unavailable')
    out.push({
      code: 'prescriber_unverified',
      severity: 'info',
      message: 'identity could not be asked about the prescriber: check NPI, DEA registration and licence by hand',
    })
  if (r.kind === 'none' && !npi)
    out.push({
      code: 'prescriber_unidentified',
      severity: 'moderate',
      message: 'the prescription names no prescriber we can identify (no account, no NPI)',
    })
  if (r.kind !== 'found') return out
  if (!r.licence_state || !US_STATES.has(r.licence_state.toUpperCase()))
    out.push(
      block(
        'prescriber_licence_state',
        `the prescriber has no valid US licence state${r.licence_state ? ` (${r.licence_state.slice(0, 10)})` : ''}`,
      ),
    )
  if (isControlled(p.schedule)) {
    if (!r.dea_number) out.push(block('prescriber_dea_missing', `schedule ${p.schedule} needs a prescriber with a DEA registration`))
    else if (!isValidDea(r.dea_number)) out.push(block('prescriber_dea_invalid', "the prescriber's DEA number fails its check digit"))
    else if (r.dea_schedules && !r.dea_schedules.includes(p.schedule))
      out.push(block('prescriber_schedule_not_permitted', `the prescriber's DEA registration does not cover schedule ${p.schedule}`))
  }
  return out
}
