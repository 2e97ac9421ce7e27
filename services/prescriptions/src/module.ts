import type { ServiceModule } from '@apotheca/kernel'

/** prescriptions: (being built) */
export default {
  name: 'prescriptions',
  migrations: new URL('./db/migrations/', import.meta.url),
  create: () => ({ routes: [] }),
} satisfies ServiceModule
