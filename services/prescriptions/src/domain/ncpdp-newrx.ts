import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { MalformedIntake, UnsupportedIntake, type ParsedOrder } from './intake.ts'
import { isIsoDate } from './prescription-rules.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * No DTD, no entity expansion: a document type declaration is refused before parsing (XXE and
 * entity-expansion bombs), and the parser would neither fetch nor expand entities anyway.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
})

/** A parsed XML element. */
export type Node = unknown

/** Child `name` of a parsed element (the first, if it repeats). */
export function child(node: Node, name: string): Node {
  if (!node || typeof node !== 'object') return undefined
  const v = (node as Record<string, unknown>)[name]
  return Array.isArray(v) ? v[0] : v
}

/** Follows a path of element names. */
export const at = (node: Node, ...path: string[]): Node => path.reduce(child, node)

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** Decodes XML's five predefined entities and character references in one pass; nothing else exists without a DTD. */
function decodeXmlText(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name.toLowerCase()] ?? whole
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** An element's text, entities decoded ('' and absent are null). */
export function text(node: Node): string | null {
  const t = typeof node === 'string' ? node : node && typeof node === 'object' ? (node as Record<string, unknown>)['#text'] : undefined
  return typeof t === 'string' && t.trim() !== '' ? decodeXmlText(t.trim()) : null
}

/** Characters XML 1.0 allows (its Char production); NUL and most C0 controls are not among them. */
const XML_CHAR = (c: number) =>
  c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
const NON_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

/** Why the text holds a character XML forbids, raw or as a character reference (`&#0;`), or null. */
function forbiddenCharacter(xml: string): string | null {
  const raw = NON_XML_CHAR.exec(xml)
  if (raw) return `U+${raw[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not a character XML allows`
  for (const m of xml.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)) {
    const ref = m[1]!
    const code = ref[0] === 'x' || ref[0] === 'X' ? Number.parseInt(ref.slice(1), 16) : Number.parseInt(ref, 10)
    if (!XML_CHAR(code)) return `${m[0].slice(0, 20)} refers to a character XML does not allow`
  }
  return null
}

/** Parses NCPDP SCRIPT XML safely; throws MalformedIntake when it is not well-formed or declares a DTD, UnsupportedIntake when it is no SCRIPT message. */
export function parseScriptXml(xml: string): Node {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new MalformedIntake('body', 'document type declarations and entities are not accepted')
  const forbidden = forbiddenCharacter(xml)
  if (forbidden) throw new MalformedIntake('body', `not well-formed XML: ${forbidden}`)
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new MalformedIntake('body', `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`)
  let doc: Record<string, unknown>
  try {
    doc = parser.parse(xml) as Record<string, unknown>
  } catch (err) {
    // The validator passes what the parser then refuses: elements nested deeper than it goes (100 levels).
    throw new MalformedIntake('body', `not a message we can read: ${(err as Error).message}`)
  }
  const message = child(doc, 'Message')
  // Well-formed XML of another kind is not malformed: it is not a message we take (422).
  if (!message || typeof message !== 'object') throw new UnsupportedIntake('expected an NCPDP SCRIPT <Message>')
  return message
}

/** The transaction an NCPDP message carries (NewRx, CancelRx, RxRenewalRequest…). */
export function transactionOf(message: Node): string | null {
  const body = child(message, 'Body')
  if (!body || typeof body !== 'object') return null
  return Object.keys(body).find((k) => !k.startsWith('@_') && k !== '#text') ?? null
}

/** Reads a NewRx into an order: patient (only an Apotheca uuid), prescriber NPI, NDC, quantity, refills, date, sig. */
export function parseNewRx(xml: string): ParsedOrder {
  const message = parseScriptXml(xml)
  const tx = transactionOf(message)
  if (tx !== 'NewRx') throw new UnsupportedIntake(`only NewRx messages are taken here, not ${tx ?? 'an empty Body'}`)
  return newRxOrder(message)
}

/** A parsed SCRIPT message whose Body is a NewRx, read into an order. */
export function newRxOrder(message: Node): ParsedOrder {
  const newRx = at(message, 'Body', 'NewRx')
  const med = child(newRx, 'MedicationPrescribed')
  if (!med || typeof med !== 'object') throw new MalformedIntake('NewRx.MedicationPrescribed', 'the NewRx has no MedicationPrescribed')
  const notes: string[] = []
  const patient = patientId(child(newRx, 'Patient'))
  if (!patient) notes.push('patient not matched: the NewRx carries no Apotheca patient id')
  const written = text(at(med, 'WrittenDate', 'Date')) ?? text(at(med, 'WrittenDate', 'DateTime'))?.slice(0, 10) ?? null
  const dosage = text(at(med, 'Sig', 'SigText')) ?? text(child(med, 'Directions'))
  if (!dosage) notes.push('no sig (directions for use)')
  const ndc = text(at(med, 'DrugCoded', 'ProductCode')) ?? text(at(med, 'DrugCoded', 'ProductCode', 'Code'))
  const dbQualifier = text(at(med, 'DrugCoded', 'DrugDBCode', 'Qualifier'))
  return {
    channel: 'ncpdp',
    patient_id: patient,
    prescriber_id: null,
    dosage: dosage?.slice(0, 1000) ?? null,
    quantity: integer(text(at(med, 'Quantity', 'Value'))),
    refill_count: integer(text(child(med, 'NumberOfRefills')) ?? text(at(med, 'Refills', 'Value'))),
    issue_date: written && isIsoDate(written) ? written : null,
    expiry_date: null,
    days_supply: integer(text(child(med, 'DaysSupply'))),
    history: null,
    notes,
    source: {
      message_id: text(at(message, 'Header', 'MessageID'))?.slice(0, 200) ?? null,
      order_number: text(at(message, 'Header', 'PrescriberOrderNumber'))?.slice(0, 200) ?? null,
      ndc: ndc?.slice(0, 40) ?? null,
      rxnorm: dbQualifier?.toUpperCase() === 'RXNORM' ? (text(at(med, 'DrugCoded', 'DrugDBCode', 'Code'))?.slice(0, 40) ?? null) : null,
      drug_text: text(child(med, 'DrugDescription'))?.slice(0, 300) ?? null,
      prescriber_npi: prescriberNpi(child(newRx, 'Prescriber')),
    },
  }
}

/** A whole number from an element's text, or null. */
export function integer(s: string | null): number | null {
  if (s === null || !/^\d+(\.0+)?$/.test(s)) return null
  return Number.parseInt(s, 10)
}

/** Only an identifier that is an Apotheca patient id (a uuid) is read; SSNs and the like are never kept. */
function patientId(patient: Node): string | null {
  for (const ident of [at(patient, 'HumanPatient', 'Identification'), at(patient, 'Identification')]) {
    if (!ident || typeof ident !== 'object') continue
    for (const v of Object.values(ident as Record<string, unknown>)) {
      const t = text(v)
      if (t && UUID.test(t)) return t.toLowerCase()
    }
  }
  return null
}

/** The prescriber's NPI in a SCRIPT Prescriber element. */
export function prescriberNpi(prescriber: Node): string | null {
  const npi = text(at(prescriber, 'NonVeterinarian', 'Identification', 'NPI')) ?? text(at(prescriber, 'Identification', 'NPI'))
  return npi?.slice(0, 20) ?? null
}
