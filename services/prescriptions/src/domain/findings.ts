/** How much a finding of the automated review weighs: blocking stops the prescription (rejected). */
export type Severity = 'blocking' | 'high' | 'moderate' | 'low' | 'info'

/** One thing the automated review found, shown to the pharmacist on the prescription. */
export interface Finding {
  /** Stable code: prescriber_npi_invalid, interaction, duplicate_therapy, quantity_limit… */
  code: string
  severity: Severity
  message: string
  /** Prescriptions or drugs the finding is about (the interacting medicine, the duplicate). */
  related?: string[]
}

/** Reasons a pharmacist may give for approving over findings (after NCPDP DUR outcome practice). */
export const OVERRIDE_REASONS = [
  'prescriber_consulted',
  'patient_consulted',
  'benefit_outweighs_risk',
  'previously_tolerated',
  'dose_verified',
  'therapy_change_intended',
] as const
/** One of OVERRIDE_REASONS. */
export type OverrideReason = (typeof OVERRIDE_REASONS)[number]

/** True when approving needs an override reason: any finding above `info`. */
export const needsOverride = (findings: readonly Finding[]) => findings.some((f) => f.severity !== 'info' && f.severity !== 'blocking')

/** True when the prescription cannot go on at all (validation broke the law): it is rejected. */
export const isBlocked = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'blocking')
