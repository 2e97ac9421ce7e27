// Starts parse-files.worker.ts in a worker thread. A worker does not inherit the main thread's TypeScript
// loader (tsx registers its hooks per thread), so it is registered here when tsx is installed.
try {
  const { register } = await import('tsx/esm/api')
  register()
} catch {
  /* no tsx: the runtime reads TypeScript itself */
}
await import('./parse-files.worker.ts')
