import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import { convertFdaNdc, nadacPrices, parseCsv, parseTsv, toCopyText, type NadacPrice } from '../domain/fda-ndc.ts'

/** What the importer asks of a worker thread: the CPU-bound reading of one source. */
export type ParseJob = { kind: 'nadac'; file: string } | { kind: 'fda'; product: string; package: string; prices: Map<string, NadacPrice> }

/** A NADAC file's latest price per NDC, and the rows left out by reason. */
export interface NadacParse {
  prices: Map<string, NadacPrice>
  skipped: Record<string, number>
}

/** An FDA product/package pair as drug-file rows (COPY text), its sha256, and the rows left out by reason. */
export interface FdaParse {
  data: Uint8Array
  sha256: string
  skipped: Record<string, number>
}

async function readText(file: string): Promise<string> {
  const buf = await readFile(file)
  return (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8')
}

/** Runs one job (in the worker; callable anywhere). */
export async function runParseJob(job: ParseJob): Promise<NadacParse | FdaParse> {
  if (job.kind === 'nadac') return nadacPrices(parseCsv(await readText(job.file)))
  const { rows, skipped } = convertFdaNdc(parseTsv(await readText(job.product)), parseTsv(await readText(job.package)), job.prices)
  const data = new TextEncoder().encode(toCopyText(rows))
  return { data, sha256: createHash('sha256').update(data).digest('hex'), skipped }
}

if (parentPort && (workerData as { job?: ParseJob } | null)?.job) {
  const port = parentPort
  const result = await runParseJob((workerData as { job: ParseJob }).job)
  // The rows' bytes move to the main thread without a copy.
  port.postMessage(result, 'data' in result ? [result.data.buffer as ArrayBuffer] : [])
}
