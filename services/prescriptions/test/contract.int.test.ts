import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { z } from 'zod'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import prescriptions from '../src/module.ts'
import * as requests from '../src/http/prescriptions.schemas.ts'
import * as answers from '../src/http/responses.ts'
import { OPS } from '../src/http/prescriptions.routes.ts'
import { BASE64_OF, UPLOAD_TYPES } from '../src/domain/upload.ts'

// The OpenAPI document prescriptions contributes (its answers are checked against it in every other test).
type Json = Record<string, any>
let rt: TestRuntime
let doc: Json
before(async () => {
  rt = await startTestRuntime({ modules: [prescriptions] })
  doc = (await rt.request('GET', '/openapi.json')).json
})
after(async () => {
  await rt?.close()
})

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.tags?.includes('prescriptions'))
      .map(([method, op]) => ({ where: `${method} ${path}`, op })),
  )
const byId = (operationId: string) => operations().find((o) => o.op.operationId === operationId)
const problemTypes = (op: Json, status: number) =>
  (op.responses[String(status)]?.content['application/problem+json'].schema.properties.type.enum ?? []) as string[]
const slug = (s: string) => `https://apotheca.dev/problems/${s}`

test('every prescriptions operation declares its success answers with a schema', () => {
  const ops = operations()
  assert.equal(ops.length, 15)
  for (const { where, op } of ops) {
    const successes = Object.keys(op.responses).filter((s) => Number(s) < 300)
    assert.ok(successes.length, where)
    for (const s of successes)
      assert.ok(
        Object.values(op.responses[s].content as Json).every((c) => c.schema),
        `${where} ${s}`,
      )
  }
  const submit = doc.paths['/prescriptions/submit'].post
  assert.deepEqual(
    Object.keys(submit.responses).filter((s) => Number(s) < 300),
    ['200', '201', '202'],
  )
  const document = doc.paths['/prescriptions/{prescriptionId}/document'].get.responses['200']
  assert.deepEqual(Object.keys(document.content).sort(), [...UPLOAD_TYPES].sort())
  assert.equal(document.headers['x-content-sha256'].required, true)
})

test('the content types submit takes are in the document: JSON, FHIR, NCPDP XML and the files', () => {
  const body = doc.paths['/prescriptions/submit'].post.requestBody
  assert.deepEqual(Object.keys(body.content).sort(), [
    'application/fhir+json',
    'application/json',
    'application/pdf',
    'application/xml',
    'image/jpeg',
    'image/png',
    'text/xml',
  ])
  assert.equal(body.content['application/pdf'].schema.format, 'binary')
})

test("uploads declare 415 unsupported-upload beside the kernel's unsupported-media-type", () => {
  for (const { where, op } of [
    { where: 'uploads', op: doc.paths['/prescriptions/uploads'].post },
    { where: 'submit', op: doc.paths['/prescriptions/submit'].post },
  ])
    assert.deepEqual(problemTypes(op, 415), [slug('unsupported-media-type'), slug('unsupported-upload')], where)
  const verify = doc.paths['/prescriptions/{prescriptionId}/verify'].post
  assert.deepEqual(problemTypes(verify, 409), [
    slug('concurrent-change'),
    slug('drug-unconfirmed'),
    slug('illegal-transition'),
    slug('prescription-incomplete'),
  ])
  assert.ok(problemTypes(verify, 403).includes(slug('step-up-required')))
  assert.ok(problemTypes(verify, 403).includes(slug('mfa-required')))
  assert.deepEqual(problemTypes(doc.paths['/prescriptions/submit'].post, 400), [
    slug('invalid-upload'),
    slug('malformed-eprescription'),
    slug('malformed-json'),
    slug('validation'),
  ])
})

test('a new prescription links to the pharmacist’s verification and to itself, by the id its answer carries', () => {
  const linksOf = (path: string, status: string) => doc.paths[path].post.responses[status].links as Json
  for (const [path, names] of [
    ['/prescriptions/submit', ['prescription', 'verify']],
    ['/prescriptions/uploads', ['document', 'prescription', 'transcribe', 'verify']],
  ] as const) {
    const links = linksOf(path, '201')
    assert.deepEqual(Object.keys(links).sort(), names)
    for (const l of Object.values(links)) {
      assert.deepEqual(l.parameters, { prescriptionId: '$response.body#/prescription_id' })
      const target = byId(l.operationId)
      assert.ok(target, `${l.operationId} is an operation`)
      assert.ok(
        target.op.parameters.some((p: Json) => p.in === 'path' && p.name === 'prescriptionId'),
        `${l.operationId} takes prescriptionId`,
      )
    }
  }
  assert.equal(linksOf('/prescriptions/submit', '201').verify.operationId, OPS.verify)
  assert.equal(OPS.verify, 'postPrescriptionsByPrescriptionIdVerify')
  assert.equal(OPS.read, 'getPrescriptionsByPrescriptionId')
  // A renewal or change response names the prescription it created as new_prescription_id.
  assert.deepEqual(linksOf('/prescriptions/submit', '200').verifyNew.parameters, {
    prescriptionId: '$response.body#/new_prescription_id',
  })
  // Identity's registration links here by this operation id and parameter.
  const list = byId(OPS.patientPrescriptions)
  assert.ok(list)
  assert.ok(list.op.parameters.some((p: Json) => p.in === 'path' && p.name === 'patientId'))
})

test('GET on the POST-only /prescriptions/submit and /prescriptions/uploads is a 405, not a read of a prescription named "submit"', async () => {
  const token = await rt.token('pharmacist')
  for (const path of ['/prescriptions/submit', '/prescriptions/uploads']) {
    const r = await rt.request('GET', path, { token })
    assert.equal(r.status, 405, path)
    assert.equal(r.headers.allow, 'POST', path)
  }
  assert.equal((await rt.request('GET', '/prescriptions/00000000-0000-4000-8000-000000000000', { token })).status, 404)
})

test('query integers are integers in the document and canonical decimal text on the wire', async () => {
  for (const { where, op } of operations())
    for (const p of op.parameters ?? []) if (/limit|offset/.test(p.name)) assert.equal(p.schema.type, 'integer', `${where} ${p.name}`)
  const token = await rt.token('pharmacist')
  for (const q of [
    'limit=',
    'limit=abc',
    'limit=0x10',
    'limit=1e2',
    'limit=%205',
    'limit=05',
    'limit=0',
    'limit=101',
    'offset=',
    'offset=-1',
  ])
    assert.equal((await rt.request('GET', `/prescriptions/queue?${q}`, { token })).status, 400, q)
  assert.equal((await rt.request('GET', '/prescriptions/queue?limit=100&offset=0', { token })).status, 200)
  const patient = await rt.token('patient', { sub: '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f' })
  assert.equal(
    (await rt.request('GET', '/patients/7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f/prescriptions?offset=', { token: patient })).status,
    400,
  )
})

test('every example is one its schema accepts', () => {
  let checked = 0
  for (const [name, schema] of [...Object.entries(requests), ...Object.entries(answers)]) {
    if (!(schema instanceof z.ZodType)) continue
    for (const example of (schema.meta()?.examples ?? []) as unknown[]) {
      const r = schema.safeParse(example)
      assert.ok(r.success, `${name}: ${JSON.stringify(r.error?.issues)}`)
      checked++
    }
  }
  assert.ok(checked >= 12, `${checked} examples`)
  // The upload example is a PDF by its first bytes, as the document's anyOf says.
  const upload = (requests.UploadBody.meta()?.examples as Array<{ content_base64: string }>)[0]!
  assert.match(upload.content_base64, new RegExp(BASE64_OF['application/pdf']))
})

test('bodies are closed: an unknown field is a 400 the document states (additionalProperties), even one holding NUL', async () => {
  const submit = doc.paths['/prescriptions/submit'].post.requestBody.content['application/json'].schema
  assert.equal(submit.additionalProperties, false)
  const patient = '7d4f1c2e-9a8b-4c3d-8e2f-1a2b3c4d5e6f'
  const r = await rt.request('POST', `/patients/${patient}/allergies`, {
    token: await rt.token('patient', { sub: patient }),
    body: { substance: 'penicillin', note: 'x' },
  })
  assert.equal(r.status, 400)
  const verify = await rt.request('POST', `/prescriptions/${patient}/verify`, {
    token: await rt.token('pharmacist', { mfa: true }),
    body: { decision: 'reject', reason: 'no', override_reason: 'dose_verified' },
  })
  assert.equal(verify.status, 400, 'an override reason belongs to an approval')
})

test('what the schemas say is what the server takes: a reason to reject, trimmed text, a status word', async () => {
  const verify = doc.paths['/prescriptions/{prescriptionId}/verify'].post.requestBody.content['application/json'].schema
  assert.deepEqual(
    verify.oneOf.map((o: Json) => o.required),
    [['decision'], ['decision', 'reason']],
  )
  const status = doc.paths['/webhooks/epcs/status'].post.requestBody.content['application/json'].schema.properties.status
  const word = new RegExp(status.pattern, 'u')
  for (const [s, ok] of [
    ['accepted', true],
    [' Accepted ', true],
    ['\u212aept', true],
    ['', false],
    ['9lives', false],
    ['a'.repeat(51), false],
  ] as const) {
    assert.equal(word.test(s), ok, JSON.stringify(s))
    assert.equal(requests.EpcsStatusBody.shape.status.safeParse(s).success, ok, JSON.stringify(s))
  }
  const dosage = new RegExp(
    doc.paths['/prescriptions/submit'].post.requestBody.content['application/json'].schema.properties.dosage.pattern,
    'u',
  )
  for (const [s, ok] of [
    ['one daily', true],
    ['  one daily  ', true],
    ['   ', false],
    ['x'.repeat(1000), true],
    ['x'.repeat(1001), false],
    ['💊'.repeat(1000), true],
  ] as const) {
    assert.equal(dosage.test(s), ok, s.slice(0, 10))
    assert.equal(requests.SubmitBody.shape.dosage.safeParse(s).success, ok, s.slice(0, 10))
  }
})
