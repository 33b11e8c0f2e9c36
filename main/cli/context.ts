// What every command gets: side effects, the check registry, and the cancel signal (Ctrl+C).
import type { Check } from '../core/checks/types';
import type { CliIo } from './io';

export interface CliContext {
  io: CliIo;
  /** The registry; a function so that a broken registry is reported as an error, not a crash at import time. */
  checks: () => Check[];
  signal?: AbortSignal;
}
