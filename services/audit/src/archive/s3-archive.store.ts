import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import type { ArchiveStore } from './archive-store.ts'

/** Where and as whom to write: a bucket on AWS, or on any S3-compatible endpoint (path-style). */
export interface S3ArchiveOptions {
  bucket: string
  /** A non-AWS endpoint (MinIO, Ceph, R2, a local twin); unset: AWS for the region. */
  endpoint?: string | undefined
  region: string
  /** Unset: the SDK's default credential chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined
}

const missing = (err: unknown) =>
  err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound' || err.name === 'NoSuchKey')
// 412: If-None-Match lost (the key exists); 409: a concurrent conditional write of the same key.
const taken = (err: unknown) =>
  err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 412 || err.$metadata.httpStatusCode === 409)

/**
 * S3-compatible object storage on the official SDK. Write-once twice over: a HEAD first (stores
 * that ignore conditional writes), then PutObject with `If-None-Match: *` (S3 refuses to replace an
 * existing key with 412). Content-MD5 and x-amz-checksum-sha256 make the store reject a body that
 * changed on the way.
 */
export function s3ArchiveStore(o: S3ArchiveOptions): ArchiveStore {
  const client = new S3Client({
    region: o.region,
    ...(o.endpoint ? { endpoint: o.endpoint, forcePathStyle: true } : {}),
    ...(o.credentials ? { credentials: o.credentials } : {}),
    // Checksums are given explicitly (headers); no aws-chunked trailers, which not every S3-compatible store reads.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
  return {
    location: `s3://${o.bucket}`,
    async putNew(key, body, digests) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: o.bucket, Key: key }))
        return 'exists'
      } catch (err) {
        if (!missing(err)) throw err
      }
      try {
        const r = await client.send(
          new PutObjectCommand({
            Bucket: o.bucket,
            Key: key,
            Body: body,
            IfNoneMatch: '*',
            ContentType: 'application/x-ndjson',
            ContentLength: body.length,
            ContentMD5: digests.md5.toString('base64'),
            ChecksumSHA256: digests.sha256.toString('base64'),
          }),
        )
        // A single-part PUT's ETag is the body's MD5: checked too, for stores that ignore Content-MD5.
        const etag = r.ETag?.replaceAll('"', '')
        if (etag && /^[0-9a-f]{32}$/.test(etag) && etag !== digests.md5.toString('hex'))
          throw new Error(`${key}: the store holds another body than was sent (ETag ${etag})`)
        return 'written'
      } catch (err) {
        if (taken(err)) return 'exists'
        throw err
      }
    },
    async get(key) {
      try {
        const r = await client.send(new GetObjectCommand({ Bucket: o.bucket, Key: key }))
        return { body: Buffer.from(await r.Body!.transformToByteArray()) }
      } catch (err) {
        if (missing(err)) return null
        throw err
      }
    },
  }
}
