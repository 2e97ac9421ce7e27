import type { ServiceModule } from '@apotheca/kernel'

/** orders: (being built) */
export default {
  name: 'orders',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
