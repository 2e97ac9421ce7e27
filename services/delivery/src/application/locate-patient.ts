import { identityClient, type ServiceCaller } from '@apotheca/contracts'
import type { GeocodeResult, Geocoder } from '../geocoding/geocoder.ts'

/**
 * Where a patient's parcel goes: identity's address, geocoded. Null when identity knows no such
 * patient, has no address for them (or erased them), or the address cannot be geocoded; the
 * shipment is then routed by hand. A failed call throws, so the caller's event is retried.
 * Must be called outside any transaction (the call may come back into this process).
 */
export async function locatePatient(services: ServiceCaller, geocoder: Geocoder, patientId: string): Promise<GeocodeResult | null> {
  const patient = await identityClient(services).getPatient(patientId)
  if (!patient || patient.status !== 'active' || !patient.address) return null
  return geocoder.geocode(patient.address)
}
