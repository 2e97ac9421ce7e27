/**
 * An NDC in the 11-digit 5-4-2 form when the given form says unambiguously how to pad it
 * (4-4-2, 5-3-2, 5-4-1 with hyphens, or 11 plain digits); otherwise the input, trimmed, for the
 * catalog to interpret. A plain 10-digit NDC is ambiguous and is passed on as it is.
 */
export function toNdc11(input: string): string {
  const s = input.trim()
  if (/^\d{11}$/.test(s)) return `${s.slice(0, 5)}-${s.slice(5, 9)}-${s.slice(9)}`
  const m = /^(\d{4,5})-(\d{3,4})-(\d{1,2})$/.exec(s)
  if (!m) return s
  const [, a, b, c] = m as unknown as [string, string, string, string]
  if (a.length + b.length + c.length !== 10 && a.length + b.length + c.length !== 11) return s
  return `${a.padStart(5, '0')}-${b.padStart(4, '0')}-${c.padStart(2, '0')}`
}

/** Digits only, for comparing two NDCs written in the same 11-digit form. */
export const ndcDigits = (ndc: string) => ndc.replace(/\D/g, '')
