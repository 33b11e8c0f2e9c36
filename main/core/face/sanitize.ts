// Removes terminal control characters and bidi overrides from server-provided strings before anyone shows them,
// and the secrets a server may echo back (through the one redaction module).
import { replaceSecrets } from '../secrets/redact';

// C0 controls except tab and newline, DEL, C1 controls (ESC sequences start here), and bidi overrides/isolates
// that can make a value read differently on screen than it is.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControl(s: string): string {
  return s.replace(UNSAFE, '');
}

/**
 * Deep copy of parsed JSON with every string (keys included) stripped of control characters and of the
 * given secrets. Depth-bounded against hostile nesting.
 */
export function sanitizeJson(v: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 32) return null;
  if (typeof v === 'string') return replaceSecrets(stripControl(v), secrets);
  if (Array.isArray(v)) return v.map((x) => sanitizeJson(x, secrets, depth + 1));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      out[replaceSecrets(stripControl(k), secrets)] = sanitizeJson(x, secrets, depth + 1);
    return out;
  }
  return v;
}
