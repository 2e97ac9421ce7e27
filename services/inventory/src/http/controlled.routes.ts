import { route } from '@apotheca/kernel'
import { confirmAdjustment, controlledRegister } from '../application/confirm-adjustment.ts'
import type { InventoryDeps } from '../application/deps.ts'
import { ADJUSTMENT_PROBLEMS } from './stock.routes.ts'
import { AdjustmentParams, ConfirmedAnswer, DrugParams, RegisterAnswer } from './schemas.ts'

/** Controlled substances: the second person's confirmation of a count, and the perpetual inventory. */
export function controlledRoutes(deps: InventoryDeps) {
  return [
    route({
      method: 'POST',
      url: '/inventory/adjustments/:adjustmentId/confirm',
      summary: 'A second staff member confirms a pending count of a controlled substance, which applies it; its requester cannot',
      auth: { roles: ['admin', 'pharmacist'] },
      schema: { params: AdjustmentParams },
      responses: { 200: ConfirmedAnswer },
      problems: {
        ...ADJUSTMENT_PROBLEMS,
        403: ['second-person-required'],
        409: [...ADJUSTMENT_PROBLEMS[409], 'already-confirmed'],
      },
      handler: async ({ params, principal }) => confirmAdjustment(deps, params.adjustmentId, principal?.sub ?? null),
    }),
    route({
      method: 'GET',
      url: '/inventory/:drugId/register',
      summary: "A controlled substance's perpetual inventory: balance per location and every change with its running balance",
      auth: { roles: ['admin', 'pharmacist', 'auditor'] },
      schema: { params: DrugParams },
      responses: { 200: RegisterAnswer },
      problems: { 404: ['not-found'] },
      handler: async ({ params }) => controlledRegister(deps, params.drugId),
    }),
  ]
}
