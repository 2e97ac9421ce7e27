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

/** Decodes strict base64 (no whitespace or URL alphabet), or null when it is not. */
export function decodeBase64(s: string): Buffer | null {
  if (s.length === 0 || s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return null
  return Buffer.from(s, 'base64')
}
