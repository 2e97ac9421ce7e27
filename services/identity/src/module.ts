import type { ServiceModule } from '@apotheca/kernel'

/** identity: (being built) */
export default {
  name: 'identity',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
