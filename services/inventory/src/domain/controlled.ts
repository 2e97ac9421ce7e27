/** DEA schedules that keep a perpetual inventory and need a second person for counts (II-V; schedule I is not dispensed). */
export const CONTROLLED_SCHEDULES = ['CII', 'CIII', 'CIV', 'CV'] as const

/** Whether a drug of this schedule is a controlled substance we stock. */
export function isControlled(schedule: string | null | undefined): boolean {
  return (CONTROLLED_SCHEDULES as readonly string[]).includes(schedule ?? '')
}

/** Whether an adjustment of a drug must wait for a second person: counts of controlled substances. */
export function needsSecondPerson(reason: string, schedule: string | null | undefined): boolean {
  return reason === 'cycle_count' && isControlled(schedule)
}
