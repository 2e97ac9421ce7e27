import type { ServiceModule } from '@apotheca/kernel'

/** notifications: (being built) */
export default {
  name: 'notifications',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
