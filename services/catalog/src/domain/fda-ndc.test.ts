import { test } from 'node:test'
import assert from 'node:assert/strict'
import { convertFdaNdc, nadacPrices, parseCsv, parseTsv, toCopyText, uuidv5 } from './fda-ndc.ts'

test('uuidv5 matches the RFC 4122 known answer and the shipped build (Viagra 00069-4210-30)', () => {
  assert.equal(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'), '2ed6657d-e927-568b-95e1-2665a8aea6a2')
  assert.equal(uuidv5('00069421030'), '629f3c1d-1201-5fb6-8a38-723429b42126')
})

test('CSV: quoted fields with commas and doubled quotes; NADAC keeps the latest price per NDC, refuses bad rows', () => {
  const rows = parseCsv(
    'NDC Description,NDC,NADAC Per Unit,Effective Date,Pricing Unit,OTC\n"A, ""B"" 5 MG",00069422030,2.5,01/22/2025,EA,N\n' +
      'x,00069422030,3.5,04/23/2025,EA,Y\ny,00069422030,9,02/01/2025,EA,N\nz,123,1,01/01/2025,EA,N\nw,00002080001,0,01/01/2025,ML,N\n',
  )
  assert.equal(rows[0]!['NDC Description'], 'A, "B" 5 MG')
  const { prices, skipped } = nadacPrices(rows)
  assert.deepEqual(prices.get('00069-4220-30'), { perUnit: 3.5, unit: 'EA', otc: true, date: 20250423 })
  assert.deepEqual(skipped, { 'nadac: NDC is not 11 digits': 1, 'nadac: no positive price per unit': 1 })
})

const header =
  'PRODUCTID\tPRODUCTNDC\tPRODUCTTYPENAME\tPROPRIETARYNAME\tNONPROPRIETARYNAME\tDOSAGEFORMNAME\tROUTENAME\tLABELERNAME\tSUBSTANCENAME\tACTIVE_NUMERATOR_STRENGTH\tACTIVE_INGRED_UNIT\tDEASCHEDULE'
const products = parseTsv(
  [
    header,
    'p1\t0002-3228\tHUMAN PRESCRIPTION DRUG\tStrattera\tatomoxetine hydrochloride\tCAPSULE\tORAL\tEli Lilly\tATOMOXETINE HYDROCHLORIDE\t10\tmg/1\t',
    'p2\t0002-0485\tBULK INGREDIENT\t\tInsulin human\tCRYSTAL\t\tEli Lilly\tINSULIN HUMAN\t1\tg/g\t',
    'p3\t12345-678\tHUMAN OTC DRUG\t\tIbuprofen and Famotidine\tTABLET\tORAL\tAcme\tIBUPROFEN; FAMOTIDINE\t800; 26.6\tmg/1; mg/1\t',
    'p4\t0406-0552\tHUMAN PRESCRIPTION DRUG\t\tOxycodone Hydrochloride\tTABLET\tORAL\tSpecGx\tOXYCODONE HYDROCHLORIDE\t5\tmg/1\tCII',
    '',
  ].join('\n'),
)
const packages = parseTsv(
  [
    'PRODUCTID\tPRODUCTNDC\tNDCPACKAGECODE\tPACKAGEDESCRIPTION\tSAMPLE_PACKAGE',
    'p1\t0002-3228\t0002-3228-30\t30 CAPSULE in 1 BOTTLE\tN',
    'p1\t0002-3228\t0002-3228-30\t30 CAPSULE in 1 BOTTLE\tN',
    'p1\t0002-3228\t0002-3228-99\t1 CAPSULE in 1 BLISTER\tY',
    'p2\t0002-0485\t0002-0485-04\t2000 g\tN',
    'p3\t12345-678\t12345-678-90\t100 TABLET in 1 BOTTLE\tN',
    'p3\t12345-678\t123-45-6\tbad\tN',
    'p9\t9999-9999\t9999-9999-99\tx\tN',
    '',
  ].join('\n'),
)

test('FDA rows: 5-4-2, base ingredient names, Rx/OTC by product type, schedule, and every left-out row counted by reason', () => {
  const { rows, skipped } = convertFdaNdc(products, packages)
  assert.deepEqual(
    rows.map((r) => r[1]),
    ['00002-3228-30', '12345-0678-90'],
  )
  const [strattera, combo] = rows
  assert.deepEqual(
    [strattera![4], strattera![6], strattera![10], strattera![14], strattera![15], strattera![20]],
    ['Strattera', 'Strattera', ['atomoxetine'], null, true, 'Eli Lilly'],
  )
  assert.deepEqual(
    [combo![4], combo![6], combo![7], combo![10], combo![15]],
    ['Ibuprofen and Famotidine', null, '800 mg; 26.6 mg', ['ibuprofen', 'famotidine'], false],
  )
  assert.deepEqual(skipped, {
    'package: NDC listed twice': 1,
    'package: a sample package, not for sale': 1,
    'package: product type BULK INGREDIENT is not dispensed': 1,
    'package: impossible NDCPACKAGECODE': 1,
    'package: its PRODUCTID is not in the product file': 1,
    'product: no package in the package file': 1,
  })
  assert.match(
    toCopyText(rows).split('\n')[0]!,
    /\t\{"atomoxetine"\}\t\{\}\t\\N\t\{\}\t\\N\tt\tfda_product_type\t\\N\t1500\tdefault\tEli Lilly\t/,
  )
})
