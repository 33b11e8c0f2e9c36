// Redaction of secrets before anything is logged: registered secret values, and the values of auth headers.
export const REDACTED = '[redacted]';

// Secrets shorter than this are not registered: replacing "1" everywhere would make logs unreadable, and
// no real key, token or password we handle is that short.
const MIN_SECRET_LENGTH = 4;

// Header values: `Salto-SHIP-Key: x`, `"Authorization": "Bearer x"`, `authorization=Basic x` (any case, any quoting).
// An optional scheme word ("Bearer", "Basic", …) is swallowed too, so the credential after it never survives.
const HEADER_VALUE = /((?:salto-ship-key|authorization)["']?\s*[:=]\s*["']?)(?:[A-Za-z]+\s+)?[^\s"',;}]+/gi;
const BEARER = /(\bbearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;
const SENSITIVE_KEY = /^(salto-ship-key|authorization)$/i;

export interface Redactor {
  /** Remembers a secret value so it is replaced wherever it later appears. */
  register(secret: string): void;
  /** Replaces secrets in a string. */
  redactText(text: string): string;
  /** Deep copy of any value with secrets replaced in strings and sensitive header keys blanked. */
  redact<T>(value: T): T;
}

export function createRedactor(): Redactor {
  const secrets = new Set<string>();

  const redactText = (text: string): string => {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const s of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    out = out.replace(HEADER_VALUE, (_m, head: string) => `${head}${REDACTED}`);
    out = out.replace(BEARER, (_m, head: string) => `${head}${REDACTED}`);
    return out;
  };

  const redactAny = (value: unknown, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return redactText(value);
    if (value instanceof Error) {
      const copy = new Error(redactText(value.message));
      copy.name = value.name;
      if (value.stack !== undefined) copy.stack = redactText(value.stack);
      return copy;
    }
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    if (Array.isArray(value)) return value.map((v) => redactAny(v, seen));
    if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SENSITIVE_KEY.test(k) ? REDACTED : redactAny(v, seen);
    return out;
  };

  return {
    register(secret) {
      if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
    },
    redactText,
    redact: <T>(value: T): T => redactAny(value, new WeakSet()) as T,
  };
}
