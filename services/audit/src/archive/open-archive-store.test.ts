import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from '@apotheca/kernel'
import { openArchiveStore } from './open-archive-store.ts'

test('without a bucket the archive is files under <data>/audit-archive/; with one it is that bucket', () => {
  assert.match(openArchiveStore(loadConfig({ APOTHECA_DATA: '/tmp/apotheca-x' })).location, /^file:\/\/\/tmp\/apotheca-x\/audit-archive$/)
  const s3 = loadConfig({
    APOTHECA_AUDIT_S3_BUCKET: 'apotheca-audit',
    APOTHECA_AUDIT_S3_URL: 'http://127.0.0.1:9000',
    APOTHECA_AUDIT_S3_ACCESS_KEY_ID: 'a',
    APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY: 'b',
  })
  assert.equal(s3.APOTHECA_AUDIT_S3_REGION, 'us-east-1')
  assert.equal(openArchiveStore(s3).location, 's3://apotheca-audit')
})

test('the archive settings are validated, naming the variable', () => {
  assert.throws(
    () => loadConfig({ APOTHECA_AUDIT_S3_BUCKET: 'Bad_Bucket' }),
    (e: Error) => e instanceof ConfigError && /APOTHECA_AUDIT_S3_BUCKET/.test(e.message),
  )
  assert.throws(() => loadConfig({ APOTHECA_AUDIT_S3_BUCKET: 'b-1', APOTHECA_AUDIT_S3_URL: 'ftp://x' }), /APOTHECA_AUDIT_S3_URL/)
  assert.throws(() => loadConfig({ APOTHECA_AUDIT_S3_BUCKET: 'b-1', APOTHECA_AUDIT_S3_ACCESS_KEY_ID: 'a' }), /set both, or neither/)
  assert.throws(() => loadConfig({ APOTHECA_AUDIT_S3_URL: 'http://127.0.0.1:9000' }), /APOTHECA_AUDIT_S3_BUCKET: required/)
})
