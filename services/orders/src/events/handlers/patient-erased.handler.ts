import type { Consumer } from '@apotheca/kernel'
import { deleteCart } from '../../db/cart.repository.ts'
import { clearShippingAddresses } from '../../db/order.repository.ts'

/** identity.patient.erased.v1: forgets the patient's shipping addresses and cart; orders stay as the pharmacy's records. */
export const patientErased: Consumer = {
  name: 'orders.patient-erased',
  types: ['identity.patient.erased.v1'],
  async handle(env, { transaction }) {
    const p = env.payload as { patient_id: string }
    await transaction(async (tx) => {
      await clearShippingAddresses(tx, p.patient_id)
      await deleteCart(tx, p.patient_id)
    })
  },
}
