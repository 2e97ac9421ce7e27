import type { Sql } from '@apotheca/kernel'

/** An uploaded document's description (the bytes are read only when asked for). */
export interface DocumentMeta {
  prescription_id: string
  content_type: string
  size_bytes: number
  sha256: string
}

/** Stores the uploaded bytes of a prescription. */
export async function insertDocument(tx: Sql, d: DocumentMeta & { content: Buffer }): Promise<void> {
  await tx.query(
    /* sql */ `INSERT INTO prescriptions.documents (prescription_id, content_type, size_bytes, sha256, content) VALUES ($1, $2, $3, $4, $5)`,
    [d.prescription_id, d.content_type, d.size_bytes, d.sha256, d.content],
  )
}

/** A prescription's document with its bytes, or null. */
export async function findDocument(db: Sql, prescriptionId: string): Promise<(DocumentMeta & { content: Buffer }) | null> {
  // bytea arrives as a Uint8Array (PGlite) or a Buffer (node-postgres).
  const { rows } = await db.query<DocumentMeta & { content: Uint8Array }>(
    /* sql */ `SELECT prescription_id, content_type, size_bytes, sha256, content FROM prescriptions.documents WHERE prescription_id = $1`,
    [prescriptionId],
  )
  const r = rows[0]
  return r ? { ...r, content: Buffer.from(r.content) } : null
}
