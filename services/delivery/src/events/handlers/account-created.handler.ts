import { eventSchemas } from '@apotheca/contracts'
import type { Consumer } from '@apotheca/kernel'
import { registerDriver } from '../../application/register-driver.ts'

/** identity.account.created.v1 with role driver → a driver of our fleet; other roles are ignored. */
export const accountCreatedHandler: Consumer = {
  name: 'delivery.register-driver',
  types: ['identity.account.created.v1'],
  async handle(env, { transaction }) {
    const account = eventSchemas['identity.account.created.v1'].parse(env.payload)
    if (account.role !== 'driver') return
    await transaction((tx) => registerDriver(tx, account.account_id))
  },
}
