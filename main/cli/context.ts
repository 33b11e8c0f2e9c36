// What every command gets: side effects, the check registry, and the cancel signal (Ctrl+C).
import type { Check } from '../core/checks/types';
import type { CliIo } from './io';
import type { SetupService } from '../core/setup/service';
import type { PendingProgress } from '../core/face/face-client';
import type { CliAuthDeps } from './sign-in';

/** How a setup run reports and bounds writes that stay pending on the XS4 Face server. */
export interface CliSetupOptions {
  pendingDeadlineMs?: number;
  onPending?: (p: PendingProgress) => void;
}

/** Certificates the site profile says were already accepted (SHA-256 fingerprints). */
export interface ProfilePins {
  faceUrl?: string | undefined;
  facePin?: string | undefined;
  spacePin?: { host: string; port: number; fingerprint: string } | undefined;
}

export interface CliContext {
  io: CliIo;
  /** The registry; a function so that a broken registry is reported as an error, not a crash at import time. */
  checks: () => Check[];
  signal?: AbortSignal;
  /** Builds the setup flow (the same service as the GUI's) with the profile's accepted certificates pinned. */
  setup?: (pins: ProfilePins, options?: CliSetupOptions) => Promise<SetupService>;
  /** Microsoft sign-in (login/logout, and the saved sign-in used by doctor, collect and setup). */
  auth?: CliAuthDeps;
}
