import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from '@apotheca/kernel'
import { depsFrom } from './deps.ts'

const depsWith = (env: Record<string, string>) => {
  const config = loadConfig(env)
  return depsFrom({ db: null as never, publish: null as never, services: null as never, log: null as never, config })
}

test('APOTHECA_MIN_SHELF_DAYS comes from the configuration: 30 days by default, a whole number of days from 0 to 3650', () => {
  assert.equal(depsWith({}).minShelfDays, 30)
  assert.equal(depsWith({ APOTHECA_MIN_SHELF_DAYS: '' }).minShelfDays, 30)
  assert.equal(depsWith({ APOTHECA_MIN_SHELF_DAYS: '90' }).minShelfDays, 90)
  assert.equal(depsWith({ APOTHECA_MIN_SHELF_DAYS: '0' }).minShelfDays, 0)
})

test('nonsense shelf life stops the start naming the variable, instead of quietly using a default', () => {
  for (const value of ['soon', '-1', '1.5', '3651']) {
    assert.throws(
      () => loadConfig({ APOTHECA_MIN_SHELF_DAYS: value }),
      (err: unknown) => err instanceof ConfigError && err.message.includes('APOTHECA_MIN_SHELF_DAYS:'),
      value,
    )
  }
})
