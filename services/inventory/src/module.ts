import type { ServiceModule } from '@apotheca/kernel'

/** inventory: (being built) */
export default {
  name: 'inventory',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
