// Exit codes of xs4-setup (documented in docs/cli.md); fleet tools key on them.
import { isAppError } from '../core/errors';

export const EXIT_OK = 0;
/** At least one check failed (doctor), or the history has unreadable lines. */
export const EXIT_CHECK_FAILED = 1;
/**
 * Usage or configuration error: nothing was run and nothing was written. Also doctor's answer when a certificate
 * pinned with --face-fingerprint/--space-fingerprint changed: the technician decides (both fingerprints on stderr).
 */
export const EXIT_USAGE = 2;
/** A bug: an error the tool did not expect. */
export const EXIT_INTERNAL = 3;
/** Interrupted (Ctrl+C): the usual 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** Interrupted: anything cancelled, also a write cancelled before it was sent or while XS4 Face handled it. */
function interrupted(e: unknown): boolean {
  if (!isAppError(e)) return false;
  if (e.code === 'CANCELLED' || e.code === 'AUTH_CANCELLED' || e.code === 'FACE_WRITE_CANCELLED') return true;
  return e.code === 'FACE_WRITE_UNCONFIRMED' && e.detail?.reason === 'cancelled';
}

/** Explained failures (AppError) are usage/configuration errors; anything else is a bug. */
export function exitCodeOf(e: unknown): number {
  if (interrupted(e)) return EXIT_INTERRUPTED;
  // Accepted by XS4 Face but not received by its server in time: not connected, like a failed check.
  if (isAppError(e) && e.code === 'FACE_WRITE_PENDING') return EXIT_CHECK_FAILED;
  return isAppError(e) ? EXIT_USAGE : EXIT_INTERNAL;
}
