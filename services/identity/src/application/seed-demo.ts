import { Problem } from '@apotheca/kernel'
import { DEMO_TOTP_SECRET } from '../domain/totp.ts'
import type { IdentityDeps } from './deps.ts'
import { createStaff, type NewStaff } from './create-staff.ts'
import { registerPatient, type Registration } from './register-patient.ts'

/** The demo staff of API.md, exactly. */
export const DEMO_STAFF: NewStaff[] = [
  { role: 'admin', email: 'admin@demo.apotheca.test', password: 'Demo-Admin-2026!', name: 'Alex Admin', totpSecret: DEMO_TOTP_SECRET },
  {
    role: 'pharmacist',
    email: 'pharmacist@demo.apotheca.test',
    password: 'Demo-Pharmacist-2026!',
    name: 'Priya Pharmacist',
    totpSecret: DEMO_TOTP_SECRET,
  },
  {
    role: 'practitioner',
    email: 'practitioner@demo.apotheca.test',
    password: 'Demo-Practitioner-2026!',
    name: 'Dr. Grace Hopper',
    practitioner: { npi: '1234567893', dea_number: 'BH1234563', licence_state: 'NY' },
  },
  { role: 'driver', email: 'driver@demo.apotheca.test', password: 'Demo-Driver-2026!', name: 'Dana Driver' },
]

/** The demo patient of API.md, living at the Empire State Building (New York 10118). */
export const DEMO_PATIENT: Registration = {
  name: 'Jordan Rivera',
  date_of_birth: '1984-06-21',
  email: 'patient@demo.apotheca.test',
  password: 'Demo-Patient-2026!',
  phone: '+12125550142',
  address: { line1: '350 Fifth Avenue', line2: 'Suite 3300', city: 'New York', state: 'NY', postal_code: '10118', country: 'US' },
  consent: { email: true, sms: true },
}

/** Creates the five demo accounts that do not exist yet; runs on every start, so it changes nothing the second time. */
export async function seedDemo(deps: IdentityDeps): Promise<void> {
  let created = 0
  for (const staff of DEMO_STAFF) created += await ifNew(() => createStaff(deps, staff))
  created += await ifNew(() => registerPatient(deps, DEMO_PATIENT))
  deps.log.info({ created }, 'identity demo accounts ready')
}

// An existing account answers 409 (also when another replica seeded it a moment ago): nothing to do.
async function ifNew(create: () => Promise<unknown>): Promise<number> {
  try {
    await create()
    return 1
  } catch (err) {
    if (err instanceof Problem && err.status === 409) return 0
    throw err
  }
}
