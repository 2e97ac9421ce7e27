import { test } from 'node:test'
import assert from 'node:assert/strict'
import { claimValue, mapRole, principalFromOidc, subjectId } from './oidc.ts'
import { ConfigError, loadConfig } from '../config.ts'
import { Problem } from '../http/problem.ts'
import { hasFreshMfa, requireStepUp } from './principal.ts'

const ISS = 'https://tenant.example.auth0.com/'

test('roles come from a plain, a namespaced or a nested claim; the first of ours wins', () => {
  assert.equal(mapRole(claimValue({ roles: ['viewer', 'Admin', 'patient'] }, 'roles')), 'admin')
  assert.equal(mapRole(claimValue({ 'https://apotheca.dev/roles': ['driver'] }, 'https://apotheca.dev/roles')), 'driver')
  assert.equal(mapRole(claimValue({ realm_access: { roles: ['uma_authorization', 'pharmacist'] } }, 'realm_access.roles')), 'pharmacist')
  assert.equal(mapRole('openid technician'), 'technician')
  assert.equal(mapRole(['viewer']), undefined)
  assert.equal(mapRole({ role: 'admin' }), undefined)
})

test('a token without a known role is a 403 problem; a second factor maps to otp with its time', () => {
  assert.throws(
    () => principalFromOidc({ sub: 'auth0|1', roles: ['viewer'] }, { issuer: ISS, rolesClaim: 'roles' }),
    (e) => e instanceof Problem && e.status === 403,
  )
  const p = principalFromOidc(
    { sub: 'auth0|1', roles: ['pharmacist'], amr: ['pwd', 'mfa'], auth_time: 1700000000 },
    { issuer: ISS, rolesClaim: 'roles' },
  )
  assert.deepEqual(p, { sub: subjectId(ISS, 'auth0|1'), role: 'pharmacist', amr: ['pwd', 'mfa', 'otp'], mfa_at: 1700000000 })
  assert.equal(principalFromOidc({ sub: 'x', roles: 'patient' }, { issuer: ISS, rolesClaim: 'roles' }).amr.length, 0)
})

test('subjects become stable UUIDs per issuer; a UUID subject is kept', () => {
  assert.equal(subjectId(ISS, 'auth0|1'), subjectId(ISS, 'auth0|1'))
  assert.notEqual(subjectId(ISS, 'auth0|1'), subjectId('https://other.example/', 'auth0|1'))
  const u = crypto.randomUUID()
  assert.equal(subjectId(ISS, u.toUpperCase()), u)
})

test('OIDC mode needs both issuer and audience', () => {
  assert.throws(() => loadConfig({ OIDC_ISSUER: ISS }), ConfigError)
  assert.throws(() => loadConfig({ OIDC_AUDIENCE: 'api' }), ConfigError)
  assert.equal(loadConfig({ OIDC_ISSUER: ISS, OIDC_AUDIENCE: 'api' }).OIDC_ROLES_CLAIM, 'roles')
})

test('a step-up needs a second factor proven within the window', () => {
  const now = 1_800_000_000
  assert.equal(hasFreshMfa({ amr: ['pwd', 'otp'], mfa_at: now - 60 }, 300, now), true)
  assert.equal(hasFreshMfa({ amr: ['pwd', 'otp'], mfa_at: now - 301 }, 300, now), false)
  assert.equal(hasFreshMfa({ amr: ['pwd'], mfa_at: now }, 300, now), false)
  assert.equal(hasFreshMfa({ amr: ['pwd', 'otp'], mfa_at: now + 3600 }, 300, now), false, 'from the future')
  assert.equal(hasFreshMfa({ amr: ['pwd', 'otp'] }, 300, now), false)
  assert.throws(
    () => requireStepUp({ amr: ['pwd', 'otp'], mfa_at: now - 600 }, 300, now),
    (e) => e instanceof Problem && e.status === 403 && e.slug === 'step-up-required',
  )
  assert.doesNotThrow(() => requireStepUp({ amr: ['otp'], mfa_at: now }, 300, now))
})
