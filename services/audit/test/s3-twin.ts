import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error s3rver ships no type declarations; the few calls below are all we use.
import S3rver from 's3rver'

/** The credentials s3rver accepts (its defaults); it checks AWS Signature V4 with them. */
export const TWIN_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

/**
 * A local twin of S3 for tests: s3rver (a fake S3 server speaking the S3 REST protocol, with
 * Signature V4) on a random port, one bucket, its files in a temp folder.
 */
export async function startS3Twin(bucket: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'audit-s3-twin-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket }] })
  const { port } = (await server.run()) as { port: number }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
