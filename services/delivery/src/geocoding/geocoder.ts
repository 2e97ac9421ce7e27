/** A postal address as far as geocoding needs it (identity's InternalPatient address fits). */
export interface GeocodeAddress {
  line1?: string
  line2?: string | null | undefined
  city?: string
  state?: string
  postal_code: string
  country: string
}

/** Where an address is: WGS 84 degrees, and how precise the answer is. */
export interface GeocodeResult {
  lat: number
  lng: number
  precision: 'postal_code' | 'rooftop' | 'street'
  /** The normalised postal code the answer is for (the 5-digit ZIP in the US). */
  postal_code: string
}

/**
 * Turns an address into a location. The default is offline (ZIP centroids shipped in the repo);
 * a Google Maps adapter can implement the same interface. Null means unknown: the shipment is
 * then created without a destination and routed by hand.
 */
export interface Geocoder {
  geocode(address: GeocodeAddress): Promise<GeocodeResult | null>
}
