import { createHash } from 'node:crypto'

/** Content types a patient may upload a prescription as. */
export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
/** One of UPLOAD_TYPES. */
export type UploadType = (typeof UPLOAD_TYPES)[number]

/** Largest upload (bytes, decoded), raw or base64 in JSON: base64 must fit under the API's 1 MiB body limit. */
export const MAX_UPLOAD_BYTES = 700 * 1024

/** The type of a file by its first bytes (its name and declared type are not trusted), or null. */
export function sniffType(b: Buffer): UploadType | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  return null
}

/** Hex SHA-256 of the bytes: what the stored document is known by. */
export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

const B64 = '[A-Za-z0-9+/]'
const GROUPS = `(?:${B64}{4})*`
const TAIL = `(?:${B64}{2}==|${B64}{3}=)?`

/** Strict base64 (standard alphabet, padded, no whitespace), not empty: what decodeBase64 takes. */
export const BASE64_PATTERN = `^${GROUPS}(?:${B64}{4}|${B64}{2}==|${B64}{3}=)$`

/** Most base64 characters an upload in JSON may have: whole groups of four that decode to at most MAX_UPLOAD_BYTES. */
export const MAX_UPLOAD_BASE64 = Math.floor(MAX_UPLOAD_BYTES / 3) * 4

/**
 * Base64 whose bytes start as sniffType recognises each type: `%PDF-` is `JVBERi` and one of `0-3`,
 * the PNG signature `iVBORw0KGg` and one of `o-r`, JPEG's FF D8 FF is `/9j/`. The rest is any base64.
 */
export const BASE64_OF: Record<UploadType, string> = {
  'application/pdf': `^JVBERi[0-3](?:=|${B64}${GROUPS}${TAIL})$`,
  'image/png': `^iVBORw0KGg[o-r](?:=|${B64}${GROUPS}${TAIL})$`,
  'image/jpeg': `^/9j/${GROUPS}${TAIL}$`,
}

/** Decodes strict base64 (no whitespace or URL alphabet), or null when it is not. */
export function decodeBase64(s: string): Buffer | null {
  if (!new RegExp(BASE64_PATTERN).test(s)) return null
  return Buffer.from(s, 'base64')
}
