import type { ServiceName } from '@apotheca/contracts'
import type { ServiceModule } from '@apotheca/kernel'
import identity from '@apotheca/identity'
import catalog from '@apotheca/catalog'
import prescriptions from '@apotheca/prescriptions'
import inventory from '@apotheca/inventory'
import orders from '@apotheca/orders'
import delivery from '@apotheca/delivery'
import audit from '@apotheca/audit'
import notifications from '@apotheca/notifications'

/** Every service module, in start order (identity first: others verify its tokens; catalog before the stock that names its drugs). */
export const MODULES: Record<ServiceName, ServiceModule> = {
  identity,
  catalog,
  prescriptions,
  inventory,
  orders,
  delivery,
  audit,
  notifications,
}

export const modulesFor = (names: ServiceName[]) =>
  (Object.keys(MODULES) as ServiceName[]).filter((n) => names.includes(n)).map((n) => MODULES[n])
