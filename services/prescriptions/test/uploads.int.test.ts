import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { TestRuntime } from '@apotheca/kernel/testing'
import { MAX_UPLOAD_BASE64, MAX_UPLOAD_BYTES } from '../src/domain/upload.ts'
import { DRUGS, PRACTITIONERS, type FakeCatalog } from './fake-catalog.ts'
import { isoDay, reviewed, startWithFakeCatalog } from './helpers.ts'

let rt: TestRuntime
let catalog: FakeCatalog
before(async () => ({ rt, catalog } = await startWithFakeCatalog()))
after(async () => {
  await rt?.close()
  await catalog?.close()
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)])
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)])

async function upload(patient: string, file: Buffer, o: { content_type?: string; token?: string } = {}) {
  return rt.request('POST', '/prescriptions/uploads', {
    token: o.token ?? (await rt.token('patient', { sub: patient })),
    body: { patient_id: patient, content_base64: file.toString('base64'), ...(o.content_type ? { content_type: o.content_type } : {}) },
  })
}

test('PDF, PNG and JPEG uploads are stored with their SHA-256 and the type their bytes show', async () => {
  for (const [file, type] of [
    [PDF, 'application/pdf'],
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
  ] as const) {
    const patient = randomUUID()
    const r = await upload(patient, file)
    assert.equal(r.status, 201, JSON.stringify(r.json))
    assert.equal(r.json.content_type, type)
    assert.equal(r.json.sha256, createHash('sha256').update(file).digest('hex'))
    assert.equal(await reviewed(rt, r.json.prescription_id), 'in_review', 'reviewed, waiting for transcription')
    const doc = await rt.request('GET', `/prescriptions/${r.json.prescription_id}/document`, { token: await rt.token('pharmacist') })
    assert.equal(doc.status, 200)
    assert.equal(doc.headers['content-type'], type)
    assert.equal(doc.headers['x-content-sha256'], r.json.sha256)
    const other = await rt.request('GET', `/prescriptions/${r.json.prescription_id}/document`, { token: await rt.token('patient') })
    assert.equal(other.status, 404, 'another patient cannot read it')
  }
})

test('a file whose content is not a PDF, JPEG or PNG is a 415 whatever it claims; too large for its base64 limit is 400; nothing stored', async () => {
  const patient = randomUUID()
  const text = await upload(patient, Buffer.from('just some text pretending to be a pdf'), { content_type: 'application/pdf' })
  assert.equal(text.status, 415)
  assert.match(String(text.headers['content-type']), /problem\+json/)
  const renamed = await upload(patient, PNG, { content_type: 'application/pdf' })
  assert.equal(renamed.status, 415, 'a PNG sent as a PDF')
  // The base64 limit is in the document (maxLength), so past it is a 400 like any other rule it states.
  const big = await upload(patient, Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES)]))
  assert.equal(big.status, 400)
  assert.equal(big.json.errors[0].field, 'body.content_base64')
  const largest = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BASE64 * 0.75 - PDF.length)])
  assert.equal(largest.toString('base64').length, MAX_UPLOAD_BASE64)
  const taken = await upload(randomUUID(), largest)
  assert.equal(taken.status, 201, 'the largest base64 the document allows is taken')
  const notB64 = await rt.request('POST', '/prescriptions/uploads', {
    token: await rt.token('patient', { sub: patient }),
    body: { patient_id: patient, content_base64: 'not base64!' },
  })
  assert.equal(notB64.status, 400)
  assert.equal((await upload(randomUUID(), PDF, { token: await rt.token('patient', { sub: patient }) })).status, 403, 'only their own')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.equal(list.json.total, 0)
})

test('a pharmacist transcribes the upload; it is reviewed again and can then be approved', async () => {
  const patient = randomUUID()
  const r = await upload(patient, PDF)
  const id = r.json.prescription_id
  await reviewed(rt, id)
  const pharmacist = await rt.token('pharmacist', { mfa: true })
  const early = await rt.request('POST', `/prescriptions/${id}/verify`, {
    token: pharmacist,
    body: { decision: 'approve', override_reason: 'prescriber_consulted' },
  })
  assert.equal(early.status, 409, 'nothing to approve before transcription')
  const body = {
    drug_id: DRUGS.amoxicillin.drug_id,
    dosage: '500 mg three times daily',
    quantity: 30,
    refill_count: 0,
    issue_date: isoDay(),
    prescriber_id: PRACTITIONERS.doctor!.practitioner_id,
  }
  assert.equal(
    (await rt.request('POST', `/prescriptions/${id}/transcribe`, { token: pharmacist, body: { ...body, refill_count: 12 } })).status,
    400,
  )
  const t = await rt.request('POST', `/prescriptions/${id}/transcribe`, { token: pharmacist, body })
  assert.equal(t.status, 200, JSON.stringify(t.json))
  assert.equal(t.json.status, 'received')
  assert.equal(await reviewed(rt, id), 'in_review')
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('patient', { sub: patient }) })
  const p = list.json.prescriptions[0]
  assert.deepEqual(
    p.history.map((h: any) => h.to),
    ['received', 'validating', 'in_review', 'received', 'validating', 'in_review'],
  )
  assert.deepEqual(p.findings, [], 'a known prescriber now, nothing found')
  assert.equal((await rt.request('POST', `/prescriptions/${id}/verify`, { token: pharmacist, body: { decision: 'approve' } })).status, 200)
  assert.equal(
    (await rt.request('POST', `/prescriptions/${id}/transcribe`, { token: pharmacist, body })).status,
    409,
    'a verified prescription is not transcribed',
  )
})

// The same upload as the raw body of POST /prescriptions/submit, with real small files.
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url))
const FILES = [
  [fixture('scan.pdf'), 'application/pdf'],
  [fixture('scan.png'), 'image/png'],
  [fixture('scan.jpg'), 'image/jpeg'],
] as const

async function sendRaw(file: Buffer, contentType: string, token: string | null) {
  const r = await rt.app.inject({
    method: 'POST',
    url: '/prescriptions/submit',
    payload: file,
    headers: { 'content-type': contentType, 'idempotency-key': randomUUID(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })
  return { status: r.statusCode, json: r.body ? JSON.parse(r.body) : undefined, headers: r.headers }
}

test('a patient sends a PDF, PNG or JPEG as the body of POST /prescriptions/submit: stored as theirs with its SHA-256, waiting for transcription', async () => {
  for (const [file, type] of FILES) {
    const patient = randomUUID()
    const r = await sendRaw(file, type, await rt.token('patient', { sub: patient }))
    assert.equal(r.status, 201, JSON.stringify(r.json))
    assert.equal(r.json.status, 'received')
    assert.equal(r.json.sha256, createHash('sha256').update(file).digest('hex'))
    assert.equal(await reviewed(rt, r.json.prescription_id), 'in_review')
    const doc = await rt.app.inject({
      method: 'GET',
      url: `/prescriptions/${r.json.prescription_id}/document`,
      headers: { authorization: `Bearer ${await rt.token('patient', { sub: patient })}` },
    })
    assert.equal(doc.statusCode, 200)
    assert.equal(doc.headers['content-type'], type)
    assert.ok(doc.rawPayload.equals(file), 'the bytes as sent')
  }
})

test('a raw upload is checked by its bytes: another type or a mismatch is 415, too large is 413, staff and anonymous are refused', async () => {
  const patient = randomUUID()
  const token = await rt.token('patient', { sub: patient })
  const [pdf, png] = [FILES[0][0], FILES[1][0]]
  for (const [file, type] of [
    [png, 'application/pdf'],
    [pdf, 'image/jpeg'],
    [Buffer.from('GIF89a not a prescription'), 'image/png'],
  ] as const) {
    const r = await sendRaw(file, type, token)
    assert.equal(r.status, 415, `${type}: ${JSON.stringify(r.json)}`)
    assert.match(String(r.headers['content-type']), /problem\+json/)
  }
  assert.equal((await sendRaw(Buffer.from('GIF89a'), 'image/gif', token)).status, 415, 'a type the API does not take')
  const big = await sendRaw(Buffer.concat([pdf, Buffer.alloc(MAX_UPLOAD_BYTES)]), 'application/pdf', token)
  assert.equal(big.status, 413)
  assert.match(String(big.headers['content-type']), /problem\+json/)
  assert.equal(
    (await sendRaw(pdf, 'application/pdf', await rt.token('pharmacist'))).status,
    403,
    'staff name the patient: POST /prescriptions/uploads',
  )
  assert.equal((await sendRaw(pdf, 'application/pdf', null)).status, 401)
  const list = await rt.request('GET', `/patients/${patient}/prescriptions`, { token: await rt.token('admin') })
  assert.equal(list.json.total, 0, 'nothing stored')
})

test('the real files are taken as base64 JSON too, with the type their bytes show', async () => {
  for (const [file, type] of FILES) {
    const r = await upload(randomUUID(), file, { content_type: type })
    assert.equal(r.status, 201, JSON.stringify(r.json))
    assert.equal(r.json.content_type, type)
    assert.equal(r.json.size_bytes, file.length)
  }
})
