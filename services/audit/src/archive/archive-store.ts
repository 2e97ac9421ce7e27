/** An object already in the store, as it was written. */
export interface StoredObject {
  body: Buffer
}

/**
 * Where archived ranges of the audit log go: write-once objects (ADR 0012). `putNew` never
 * replaces an object: when the key exists it answers 'exists' and leaves it as it is.
 */
export interface ArchiveStore {
  /** Names the store in `audit.archived_ranges.store` (e.g. `s3://bucket`, `file:///…`). */
  readonly location: string
  putNew(key: string, body: Buffer, digests: { sha256: Buffer; md5: Buffer }): Promise<'written' | 'exists'>
  get(key: string): Promise<StoredObject | null>
}
