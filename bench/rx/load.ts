/** Latency percentiles in milliseconds. */
export interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
}

/** Percentiles of a set of samples (ms). */
export function percentiles(samples: number[]): Percentiles {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1) ?? 0 }
}

/** Runs `count` calls of `fn` at `concurrency` and returns their latency percentiles. */
export async function latencyRun(
  count: number,
  concurrency: number,
  fn: () => Promise<void>,
): Promise<Percentiles & { latency: Percentiles }> {
  const samples: number[] = []
  let next = 0
  const worker = async () => {
    while (next < count) {
      next++
      const t = performance.now()
      await fn()
      samples.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const p = percentiles(samples)
  return { ...p, latency: p }
}
