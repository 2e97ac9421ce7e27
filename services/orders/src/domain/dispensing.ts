/** How recent a second factor must be to dispense a controlled substance (DEA schedules II–V). */
export const STEP_UP_SECONDS = 5 * 60

/** Whether dispensing these lines needs a fresh step-up: any controlled substance does. */
export function needsStepUp(lines: Array<{ dea_schedule: string | null }>): boolean {
  return lines.some((l) => l.dea_schedule !== null)
}

/** Whether a second factor proved at `mfaAt` (seconds since epoch) is fresh at `nowSeconds`. */
export function isFreshStepUp(mfaAt: number | undefined, nowSeconds: number): boolean {
  return mfaAt !== undefined && mfaAt <= nowSeconds + 60 && mfaAt >= nowSeconds - STEP_UP_SECONDS
}
