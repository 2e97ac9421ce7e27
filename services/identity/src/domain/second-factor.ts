import type { Role } from '@apotheca/contracts'

/**
 * Roles that sign in only with a second factor: those who verify and dispense prescriptions and those
 * who administer accounts and PHI (DESIGN.md). Their routes already demand it; requiring enrolment at
 * sign-in means such an account is never usable on a password alone. Drivers, auditors, practitioners
 * and patients may enrol, and are then asked for the code too.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['admin', 'pharmacist', 'technician']

export const mustEnrolSecondFactor = (role: Role) => SECOND_FACTOR_ROLES.includes(role)
