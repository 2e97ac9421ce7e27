import type { ServiceModule } from '@apotheca/kernel'

/** catalog: (being built) */
export default {
  name: 'catalog',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
