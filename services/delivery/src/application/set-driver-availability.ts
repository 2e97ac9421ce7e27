import { notFound, type Database } from '@apotheca/kernel'
import { setAvailability, type DriverRow } from '../db/driver.repository.ts'

/** A driver goes on or off duty, optionally saying where they are (used to pick the nearest driver). */
export async function setDriverAvailability(
  db: Database,
  driverId: string,
  input: { status: DriverRow['status']; location?: { lat: number; lng: number } | undefined },
) {
  const driver = await db.transaction((tx) => setAvailability(tx, driverId, input.status, input.location ?? null))
  if (!driver) throw notFound('Driver')
  return driver
}
