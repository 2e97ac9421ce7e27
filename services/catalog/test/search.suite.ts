import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { Drug } from '@apotheca/contracts'
import { startTestRuntime, type TestRuntime } from '@apotheca/kernel/testing'
import catalog from '../src/module.ts'
import { searchDrugRows, searchDrugs } from '../src/db/drug-search.repository.ts'
import { withTrigramIndex } from '../src/db/term-match.ts'
import { SearchQuery } from '../src/http/catalog.schemas.ts'
import { ownDatabase } from './own-database.ts'

/**
 * The search tests on the real catalog, on either backend. One runtime per file: demo mode loads the
 * real catalog file once (a few seconds); on PostgreSQL into a database of the file's own, dropped after.
 */
export function searchSuite(backend: 'pglite' | 'postgres') {
  let rt: TestRuntime
  let drop = async () => {}
  before(async () => {
    const own = backend === 'postgres' ? await ownDatabase() : null
    if (own) drop = own.drop
    rt = await startTestRuntime({ modules: [catalog], backend, env: { APOTHECA_DEMO: '1', ...(own ? { DATABASE_URL: own.url } : {}) } })
  })
  after(async () => {
    await rt?.close()
    await drop()
  })

  const search = async (qs: string) => {
    const r = await rt.request('GET', `/drugs/search?${qs}`)
    assert.equal(r.status, 200, JSON.stringify(r.json))
    assert.match(String(r.headers['content-type']), /^application\/json/)
    return r.json as { results: any[]; total: number }
  }
  const mentions = (d: any, word: string) =>
    JSON.stringify([d.name, d.nonproprietary_name, d.brand_name, d.active_ingredients]).toLowerCase().includes(word)

  test('a name search finds amoxicillin, exact matches first, each result with the fixed fields', async () => {
    const { results, total } = await search('q=amoxicillin')
    assert.ok(total >= results.length && results.length === 20)
    const first = results[0]
    assert.equal(first.nonproprietary_name.toLowerCase(), 'amoxicillin')
    for (const d of results) {
      assert.ok(mentions(d, 'amoxicillin'))
      assert.match(d.ndc_code, /^\d{5}-\d{4}-\d{2}$/)
      assert.equal(typeof d.rx_only, 'boolean')
      assert.ok(d.dea_schedule === null || ['CII', 'CIII', 'CIV', 'CV'].includes(d.dea_schedule))
      Drug.parse(d)
    }
  })

  test('misspelt names still find the drug (trigram similarity)', async () => {
    for (const [typo, word] of [
      ['amoxicilin', 'amoxicillin'],
      ['ibuprofin', 'ibuprofen'],
      ['amoxicillin 500mg', 'amoxicillin'],
    ] as const) {
      const { results } = await search(`q=${encodeURIComponent(typo)}`)
      assert.ok(results.length > 0, typo)
      assert.ok(
        results.slice(0, 5).every((d) => mentions(d, word)),
        `${typo}: ${results.slice(0, 5).map((d) => d.name)}`,
      )
    }
  })

  test('type-ahead: a prefix ranks names that start with it first; two letters match word starts', async () => {
    const { results } = await search('q=amox&limit=10')
    assert.ok(
      results.every((d) => /^amox/i.test(d.name) || /^amox/i.test(d.nonproprietary_name ?? '')),
      results.map((d) => d.name).join(),
    )
    const short = await search('q=zo&limit=10')
    assert.ok(
      short.results.length > 0 &&
        short.results.every((d) => /\bzo/i.test([d.name, d.nonproprietary_name, d.brand_name, ...d.active_ingredients].join(' '))),
    )
  })

  test('a brand name finds its product', async () => {
    let branded: any
    for (let offset = 0; !branded && offset < 1000; offset += 100) {
      const page = await search(`ingredient=sertraline&limit=100&offset=${offset}`)
      branded = page.results.find((d) => d.brand_name)
      if (page.results.length < 100) break
    }
    assert.ok(branded, 'some sertraline product has a brand name')
    const { results } = await search(`q=${encodeURIComponent(branded.brand_name.toLowerCase())}`)
    assert.ok(
      results.some((d) => d.drug_id === branded.drug_id) ||
        results.every((d) => d.brand_name?.toLowerCase() === branded.brand_name.toLowerCase()),
    )
  })

  test('a name alone is ranked and counted at term level exactly as the drug-level query does', async () => {
    const queries = [
      'q=hydro&limit=10',
      'q=hydro&limit=100&offset=250',
      'q=cet&limit=10',
      'q=a&limit=50',
      'q=zo&limit=100',
      'q=amoxicilin',
      'q=amoxicillin%20500mg',
      'q=lipitor&limit=50',
      'q=acetaminophen&limit=20&offset=5180',
      'q=ibu&limit=5&offset=9000',
      'q=qqqqzz',
    ]
    for (const qs of queries) {
      const s = SearchQuery.parse(Object.fromEntries(new URLSearchParams(qs)))
      const reference = await withTrigramIndex(rt.db, (tx) => searchDrugRows(tx, s))
      assert.deepEqual(await searchDrugs(rt.db, s), reference, qs)
    }
  })

  test('every NDC form of a package finds the same drug', async () => {
    const hit = (await search('q=amoxicillin')).results.find((d) => d.ndc_package_hyphenated)
    assert.ok(hit)
    const [l, p, k] = hit.ndc_code.split('-') as [string, string, string]
    const forms = [
      hit.ndc_code,
      `${l}${p}${k}`,
      hit.ndc_package_hyphenated,
      hit.ndc_package_hyphenated.replaceAll('-', ''),
      `NDC ${hit.ndc_code}`,
    ]
    if (l.startsWith('0')) forms.push(`${l.slice(1)}-${p}-${k}`)
    if (p.startsWith('0')) forms.push(`${l}-${p.slice(1)}-${k}`)
    if (k.startsWith('0')) forms.push(`${l}-${p}-${k.slice(1)}`)
    for (const ndc of forms) {
      const { results } = await search(`ndc=${encodeURIComponent(ndc)}`)
      assert.ok(
        results.some((d) => d.drug_id === hit.drug_id),
        `ndc=${ndc}`,
      )
    }
    const exact = await search(`ndc=${hit.ndc_code}`)
    assert.equal(exact.total, 1)
  })

  test('a product NDC (labeler-product) finds all of its packages', async () => {
    const hit = (await search('q=amoxicillin')).results[0]
    const product = hit.ndc_code.slice(0, 10)
    const { results, total } = await search(`ndc=${product}&limit=100`)
    assert.ok(total >= 1 && results.some((d) => d.drug_id === hit.drug_id))
    assert.ok(results.every((d) => d.ndc_code.startsWith(product)))
  })

  test('an impossible NDC is a 400 problem naming query.ndc; a search without q, ndc, ingredient or rxcui is a 422', async () => {
    for (const bad of ['12-34', 'abcdefghijk', '123456789012345', '00002-0800-011']) {
      const r = await rt.request('GET', `/drugs/search?ndc=${encodeURIComponent(bad)}`)
      assert.equal(r.status, 400, bad)
      assert.match(String(r.headers['content-type']), /application\/problem\+json/)
      assert.equal(r.json.errors[0].field, 'query.ndc')
    }
    // Query parameters cannot say "one of these four" in OpenAPI, so the document allows it and the answer is a 422.
    for (const qs of ['rx_only=true', '']) {
      const none = await rt.request('GET', `/drugs/search?${qs}`)
      assert.equal(none.status, 422, qs)
      assert.equal(none.json.type, 'https://apotheca.dev/problems/search-criterion-required')
      assert.equal(none.json.errors[0].field, 'query.q')
    }
    // A 12-digit code is a UPC-A barcode: a wrong check digit is a barcode no package carries.
    const upc = await rt.request('GET', '/drugs/search?ndc=300093226302')
    assert.deepEqual([upc.status, upc.json.total], [200, 0])
    const tooMany = await rt.request('GET', '/drugs/search?q=aspirin&limit=101')
    assert.equal(tooMany.status, 400)
    assert.equal(tooMany.json.errors[0].field, 'query.limit')
  })

  test('query integers are canonical decimal text: an empty, signed, padded or hexadecimal limit or offset is a 400', async () => {
    for (const q of ['offset=', 'limit=', 'limit=abc', 'limit=0x10', 'limit=1e1', 'limit=%205', 'limit=05', 'offset=-1', 'offset=10001']) {
      const r = await rt.request('GET', `/drugs/search?q=amoxicillin&${q}`)
      assert.equal(r.status, 400, q)
      assert.equal(r.json.errors[0].field, `query.${q.split('=')[0]}`, q)
    }
    const hit = (await search('q=amoxicillin')).results[0]
    for (const q of ['offset=', 'limit=x'])
      assert.equal((await rt.request('GET', `/drugs/${hit.drug_id}/equivalents?${q}`)).status, 400, `equivalents ${q}`)
    assert.equal((await search('q=amoxicillin&limit=100&offset=0')).results.length, 100)
  })

  test('NUL in a search text is a 400 naming the parameter', async () => {
    for (const [q, field] of [
      ['q=amox%00icillin', 'query.q'],
      ['ingredient=a%00b', 'query.ingredient'],
      ['q=amoxicillin&dosage_form=Oral%00Tablet', 'query.dosage_form'],
      ['q=amoxicillin&route=Oral%00', 'query.route'],
      ['ndc=00093-2263-01%00', 'query.ndc'],
    ]) {
      const r = await rt.request('GET', `/drugs/search?${q}`)
      assert.equal(r.status, 400, q)
      assert.equal(r.json.type, 'https://apotheca.dev/problems/validation')
      assert.equal(r.json.errors[0].field, field, q)
    }
    const doc = (await rt.request('GET', '/openapi.json')).json
    const declared = doc.paths['/drugs/search'].get.parameters.map((p: { name: string }) => p.name)
    for (const name of ['q', 'ingredient', 'ndc', 'rxcui', 'dosage_form', 'route']) assert.ok(declared.includes(name), name)
  })

  test('ingredient search matches the active ingredient, salt forms included', async () => {
    const { results, total } = await search('ingredient=amoxicillin&limit=100')
    assert.ok(total > 0 && results.every((d) => d.active_ingredients.includes('amoxicillin')))
    const salt = await search(`ingredient=${encodeURIComponent('Sertraline Hydrochloride')}`)
    assert.ok(salt.total > 0 && salt.results.every((d) => d.active_ingredients.includes('sertraline')))
  })

  test('filters narrow the results: rx_only, dea_schedule, dosage_form, route', async () => {
    const otc = await search('q=ibuprofen&rx_only=false&limit=50')
    assert.ok(otc.total > 0 && otc.results.every((d) => d.rx_only === false))
    const cii = await search('ingredient=oxycodone&dea_schedule=CII&limit=50')
    assert.ok(cii.total > 0 && cii.results.every((d) => d.dea_schedule === 'CII'))
    const caps = await search('q=amoxicillin&dosage_form=oral%20capsule&limit=50')
    assert.ok(caps.total > 0 && caps.results.every((d) => d.dosage_form === 'Oral Capsule'))
    const all = await search('q=amoxicillin&limit=1')
    assert.ok(caps.total < all.total)
    const injectable = await search('ingredient=ceftriaxone&route=Injectable&limit=50')
    assert.ok(injectable.total > 0 && injectable.results.every((d) => d.route === 'Injectable'))
    assert.equal((await rt.request('GET', '/drugs/search?q=x&dea_schedule=CVI')).status, 400)
  })

  test('pages do not overlap and share one total; past the end is empty with the same total', async () => {
    const a = await search('ingredient=amoxicillin&limit=5&offset=0')
    const b = await search('ingredient=amoxicillin&limit=5&offset=5')
    assert.ok(a.total > 10)
    assert.equal(a.total, b.total)
    const ids = new Set(a.results.map((d) => d.drug_id))
    assert.ok(b.results.every((d) => !ids.has(d.drug_id)))
    const end = await search(`ingredient=amoxicillin&limit=5&offset=${a.total}`)
    assert.deepEqual(end.results, [])
    assert.equal(end.total, a.total)
    const fuzzyEnd = await search('q=amoxicilin&offset=9000')
    assert.ok(fuzzyEnd.total > 0 && fuzzyEnd.results.length === 0)
  })

  test('rxcui finds the products of an RxNorm concept, NADAC-priced first, then cheapest, then by NDC', async () => {
    // Synthea's "Acetaminophen 325 MG Oral Tablet": many packagers' packages of one concept.
    const all = await search('rxcui=313782&limit=100')
    assert.ok(all.total > 100 && all.results.length === 100, String(all.total))
    for (const d of all.results) {
      Drug.parse(d)
      assert.equal(d.rxcui, '313782')
      assert.equal(d.name, 'Acetaminophen 325 MG Oral Tablet')
    }
    const rest = await search('rxcui=313782&limit=100&offset=100')
    assert.equal(rest.total, all.total)
    assert.equal(all.results.length + rest.results.length, all.total)
    const ndcs = [...all.results, ...rest.results].map((d) => d.ndc_code)
    assert.deepEqual(ndcs, [...ndcs].sort(), 'equal prices: by NDC')
    // A NADAC price is a real acquisition cost: that package comes first even when a default-priced one is cheaper.
    const azor = (await search('rxcui=744632')).results.map((d) => [d.ndc_code, d.price.amount])
    assert.deepEqual(azor, [
      ['65597-0110-30', 46975],
      ['65597-0110-07', 1500],
      ['65597-0110-10', 1500],
      ['65597-0110-90', 1500],
    ])
    const enema = (await search('rxcui=283100&limit=3')).results.map((d) => d.ndc_code)
    assert.deepEqual(enema, ['00132-0201-42', '00132-0201-40', '00132-0119-46'], 'NADAC-priced by price, then the rest')
    assert.deepEqual((await search('rxcui=313782&rx_only=true')).results, [], 'filters apply: acetaminophen is OTC')
    assert.equal((await search('rxcui=99999999')).total, 0)
    for (const bad of ['abc', '31378x', '12345678901', '-1', '']) {
      const r = await rt.request('GET', `/drugs/search?rxcui=${encodeURIComponent(bad)}`)
      assert.equal(r.status, 400, bad)
      assert.match(String(r.headers['content-type']), /application\/problem\+json/)
      assert.equal(r.json.errors[0].field, 'query.rxcui', bad)
    }
  })

  test('GET /drugs/{drugId} answers the contracts Drug; unknown → 404, not a uuid → 400', async () => {
    const hit = (await search('q=amoxicillin')).results[0]
    const r = await rt.request('GET', `/drugs/${hit.drug_id}`)
    assert.equal(r.status, 200)
    const drug = Drug.parse(r.json)
    assert.equal(drug.ndc_code, hit.ndc_code)
    assert.equal(drug.price.currency, 'USD')
    assert.ok(Number.isInteger(drug.price.amount) && drug.price.amount > 0)
    assert.equal((await rt.request('GET', `/drugs/${hit.drug_id.toUpperCase()}`)).json.drug_id, hit.drug_id)
    const missing = await rt.request('GET', `/drugs/${randomUUID()}`)
    assert.equal(missing.status, 404)
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/)
    const bad = await rt.request('GET', '/drugs/not-a-uuid')
    assert.equal(bad.status, 400)
    assert.equal(bad.json.errors[0].field, 'params.drugId')
  })

  test('the OpenAPI document lists the catalog routes', async () => {
    const r = await rt.request('GET', '/openapi.json')
    assert.equal(r.status, 200)
    assert.ok(r.json.paths['/drugs/search']?.get)
    assert.ok(r.json.paths['/drugs/{drugId}']?.get)
    assert.ok(r.json.paths['/interactions/check']?.post)
  })

  test('generic equivalents share ingredients, strength, form and route, cheapest first; unknown drug → 404', async () => {
    const brand = (await search('q=lipitor&limit=50')).results.find((d) => d.strength && d.dosage_form && d.active_ingredients.length === 1)
    assert.ok(brand, 'a Lipitor package with strength and form')
    const r = await rt.request('GET', `/drugs/${brand.drug_id}/equivalents?limit=100`)
    assert.equal(r.status, 200)
    const { results, total } = r.json
    assert.ok(total > 1 && results.length > 0, 'atorvastatin has generics')
    for (const d of results) {
      assert.deepEqual(d.active_ingredients, brand.active_ingredients)
      assert.equal(d.strength.toLowerCase(), brand.strength.toLowerCase())
      assert.equal(d.dosage_form, brand.dosage_form)
      assert.equal(d.route, brand.route)
      assert.notEqual(d.drug_id, brand.drug_id)
    }
    assert.ok(
      results.some((d: any) => d.brand_name === null || d.brand_name.toLowerCase() !== 'lipitor'),
      'a generic is among them',
    )
    const prices = results.map((d: any) => d.price.amount)
    assert.deepEqual(
      prices,
      [...prices].sort((a, b) => a - b),
    )
    // Amoxicillin capsules come in two strengths: a 250 mg capsule is no equivalent of a 500 mg one.
    const caps = (await search('ingredient=amoxicillin&dosage_form=oral%20capsule&limit=100')).results.filter(
      (d) => d.active_ingredients.length === 1,
    )
    const c500 = caps.find((d) => d.strength === '500 mg')
    const c250 = caps.find((d) => d.strength === '250 mg')
    assert.ok(c500 && c250)
    const eq500 = (await rt.request('GET', `/drugs/${c500.drug_id}/equivalents?limit=100`)).json
    assert.ok(eq500.total > 0 && eq500.results.every((d: any) => d.strength === '500 mg'))
    assert.ok(!eq500.results.some((d: any) => d.drug_id === c250.drug_id))
    assert.equal((await rt.request('GET', `/drugs/${randomUUID()}/equivalents`)).status, 404)
    assert.equal((await rt.request('GET', `/drugs/${brand.drug_id}/equivalents?limit=0`)).status, 400)
  })
}
