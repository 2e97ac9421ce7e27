import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import type { PatientMedications } from '@apotheca/contracts'
import { Problem, route, type ServiceModule } from '@apotheca/kernel'

/** A patient id the fake prescriptions answers 503 for (prescriptions failing). */
export const FAILING_PATIENT_ID = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f'

/**
 * A stand-in for prescriptions in the catalog's test runtime: its internal route GET
 * /internal/patients/{patientId}/medications answers what the test put in `patients` (unknown patients:
 * empty lists, as the real route does). The catalog reaches it through the service caller as it would the real one.
 */
export function fakePrescriptions(): { module: ServiceModule; patients: Map<string, PatientMedications>; calls: string[] } {
  const patients = new Map<string, PatientMedications>()
  const calls: string[] = []
  const module: ServiceModule = {
    name: 'prescriptions',
    migrations: pathToFileURL(mkdtempSync(join(tmpdir(), 'fake-prescriptions-')) + '/'),
    create: () => ({
      routes: [
        route({
          method: 'GET',
          url: '/internal/patients/:patientId/medications',
          summary: "test fake: a patient's medicines",
          auth: { internal: true },
          schema: { params: z.object({ patientId: z.uuid() }) },
          handler: async ({ params }) => {
            calls.push(params.patientId)
            if (params.patientId === FAILING_PATIENT_ID) throw new Problem(503, 'internal', 'down')
            return patients.get(params.patientId) ?? { patient_id: params.patientId, medications: [], prescriber_ids: [] }
          },
        }),
      ],
    }),
  }
  return { module, patients, calls }
}
