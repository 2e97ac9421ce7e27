const US_NAMES = new Set(['us', 'usa', 'united states', 'united states of america'])

/** The 5-digit US ZIP of an address (ZIP+4 accepted), or null when it is not a US ZIP. */
export function usZip5(postalCode: string, country: string): string | null {
  if (!US_NAMES.has(country.trim().toLowerCase())) return null
  const m = /^(\d{5})(?:-?\d{4})?$/.exec(postalCode.trim())
  return m ? m[1]! : null
}
