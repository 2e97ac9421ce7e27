import { Worker } from 'node:worker_threads'
import type { NadacPrice } from '../domain/fda-ndc.ts'
import type { FdaParse, NadacParse, ParseJob } from './parse-files.worker.ts'

const WORKER = new URL('./parse-files.worker.mjs', import.meta.url)

/**
 * Runs a parse job in a worker thread: reading, unzipping and converting a full FDA directory or NADAC
 * file is seconds of CPU that on the main thread would stop every request of the process meanwhile.
 */
function offThread<T>(job: ParseJob): Promise<T> {
  return new Promise((resolve, reject) => {
    let answered = false
    const worker = new Worker(WORKER, { workerData: { job } })
    worker.once('message', (result: T) => {
      answered = true
      resolve(result)
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the ${job.kind} parser stopped (exit code ${code}) without an answer`))
    })
  })
}

/** The latest NADAC price per NDC of a NADAC file (CSV, gzipped or not), parsed off the main thread. */
export const parseNadacFile = (file: string) => offThread<NadacParse>({ kind: 'nadac', file })

/** An FDA product/package pair as drug-file rows priced from these NADAC prices, converted off the main thread. */
export const convertFdaFiles = (pair: { product: string; package: string }, prices: Map<string, NadacPrice>) =>
  offThread<FdaParse>({ kind: 'fda', ...pair, prices })
