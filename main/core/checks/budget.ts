// How long a check's own network deadline may be: a little less than the runner's per-check timeout, so the check's
// precise finding ("accepted the connection but never answered") arrives before the runner's blunt CHECK_TIMEOUT.

/** The deadline a collect gives its own requests: 90 % of the check's timeout, leaving at most 500 ms for the verdict. */
export function ownDeadlineMs(checkTimeoutMs: number): number {
  return Math.max(1, Math.round(Math.max(checkTimeoutMs * 0.9, checkTimeoutMs - 500)));
}
