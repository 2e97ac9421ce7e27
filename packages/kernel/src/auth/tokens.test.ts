import { test } from 'node:test'
import assert from 'node:assert/strict'
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose'
import { AUDIENCE, ISSUER, jwksVerifier } from './tokens.ts'

async function keyPair(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true })
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' }
  const sign = () =>
    new SignJWT({ role: 'patient' })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(crypto.randomUUID())
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)
  return { jwk, sign }
}

test('a key removed from the JWKS stops verifying once the cached set is older than its max age; an outage keeps the old set', async () => {
  const a = await keyPair('a')
  const b = await keyPair('b')
  let published: JSONWebKeySet = { keys: [a.jwk, b.jwk] }
  let loads = 0
  let down = false
  const verify = jwksVerifier(
    async () => {
      loads++
      if (down) throw new Error('identity unavailable')
      return published
    },
    { issuer: ISSUER, audience: AUDIENCE, maxAgeMs: 50 },
  )
  const tokenA = await a.sign()
  assert.equal((await verify(tokenA)).role, 'patient')
  published = { keys: [b.jwk] } // a is retired
  assert.equal((await verify(tokenA)).role, 'patient', 'still cached')
  await new Promise((r) => setTimeout(r, 60))
  await assert.rejects(verify(tokenA), 'refetched: a is gone')
  assert.equal((await verify(await b.sign())).role, 'patient')
  down = true
  await new Promise((r) => setTimeout(r, 60))
  assert.equal((await verify(await b.sign())).role, 'patient', 'identity down: the cached set still verifies')
  assert.ok(loads >= 3)
})
