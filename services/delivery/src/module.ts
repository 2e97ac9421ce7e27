import type { ServiceModule } from '@apotheca/kernel'

/** delivery: (being built) */
export default {
  name: 'delivery',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
