import { join } from 'node:path'
import type { Config } from '@apotheca/kernel'
import type { ArchiveStore } from './archive-store.ts'
import { fileArchiveStore } from './file-archive.store.ts'
import { s3ArchiveStore } from './s3-archive.store.ts'

/** The archive the configuration names: S3 when APOTHECA_AUDIT_S3_BUCKET is set, else files under <data>/audit-archive/. */
export function openArchiveStore(
  config: Pick<
    Config,
    | 'APOTHECA_DATA'
    | 'APOTHECA_AUDIT_S3_BUCKET'
    | 'APOTHECA_AUDIT_S3_URL'
    | 'APOTHECA_AUDIT_S3_REGION'
    | 'APOTHECA_AUDIT_S3_ACCESS_KEY_ID'
    | 'APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY'
  >,
): ArchiveStore {
  if (!config.APOTHECA_AUDIT_S3_BUCKET) return fileArchiveStore(join(config.APOTHECA_DATA, 'audit-archive'))
  return s3ArchiveStore({
    bucket: config.APOTHECA_AUDIT_S3_BUCKET,
    endpoint: config.APOTHECA_AUDIT_S3_URL,
    region: config.APOTHECA_AUDIT_S3_REGION,
    credentials:
      config.APOTHECA_AUDIT_S3_ACCESS_KEY_ID && config.APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.APOTHECA_AUDIT_S3_ACCESS_KEY_ID, secretAccessKey: config.APOTHECA_AUDIT_S3_SECRET_ACCESS_KEY }
        : undefined,
  })
}
