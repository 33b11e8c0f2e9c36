// Removes terminal control characters and bidi overrides from server-provided strings before anyone shows them.

// C0 controls except tab and newline, DEL, C1 controls (ESC sequences start here), and bidi overrides/isolates
// that can make a value read differently on screen than it is.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControl(s: string): string {
  return s.replace(UNSAFE, '');
}

/** Replaces every occurrence of the given secrets (e.g. a token a server echoes back) with a marker. */
export function redactSecrets(s: string, secrets: readonly string[]): string {
  let out = s;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out;
}

/**
 * Deep copy of parsed JSON with every string (keys included) stripped of control characters and of the
 * given secrets. Depth-bounded against hostile nesting.
 */
export function sanitizeJson(v: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 32) return null;
  if (typeof v === 'string') return redactSecrets(stripControl(v), secrets);
  if (Array.isArray(v)) return v.map((x) => sanitizeJson(x, secrets, depth + 1));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>))
      out[redactSecrets(stripControl(k), secrets)] = sanitizeJson(x, secrets, depth + 1);
    return out;
  }
  return v;
}
