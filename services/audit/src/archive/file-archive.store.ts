import { constants } from 'node:fs'
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ArchiveStore } from './archive-store.ts'

/**
 * The embedded default: each object a file under `<dir>/`, written to a temporary name, made
 * read-only (0o444) and linked into place only if the name is free, so a file is never replaced.
 */
export function fileArchiveStore(dir: string): ArchiveStore {
  const root = resolve(dir)
  const pathOf = (key: string) => {
    const p = resolve(root, key)
    if (!p.startsWith(root + '/')) throw new Error(`archive key outside the archive: ${key}`)
    return p
  }
  return {
    location: pathToFileURL(root).href,
    async putNew(key, body) {
      const path = pathOf(key)
      await mkdir(dirname(path), { recursive: true })
      const tmp = join(dirname(path), `.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.tmp`)
      const f = await open(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o444)
      try {
        await f.writeFile(body)
        await f.sync()
      } finally {
        await f.close()
      }
      try {
        // link() fails with EEXIST instead of replacing (rename would replace): write-once.
        await link(tmp, path)
        return 'written'
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists'
        throw err
      } finally {
        await unlink(tmp).catch(() => {})
      }
    },
    async get(key) {
      try {
        return { body: await readFile(pathOf(key)) }
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw err
      }
    },
  }
}
