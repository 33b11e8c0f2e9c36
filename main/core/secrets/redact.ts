// The one redaction module: how a secret is kept out of logs, terminal output, evidence, reports, the history and
// strings a server echoes back. Registered secret values, and the values of auth headers, are replaced.
import { secretFingerprint } from './fingerprint';

export const REDACTED = '[redacted]';

// Secrets shorter than this are not replaced: replacing "1" everywhere would shred every line, and no real key,
// token or password we handle is that short (the rules refuse them).
const MIN_SECRET_LENGTH = 4;

// Header values: `Salto-SHIP-Key: x`, `"Authorization": "Bearer x"`, `authorization=Basic x` (any case, any quoting).
// An optional scheme word ("Bearer", "Basic", …) is swallowed too, so the credential after it never survives.
const HEADER_VALUE = /((?:salto-ship-key|authorization)["']?\s*[:=]\s*["']?)(?:[A-Za-z]+\s+)?[^\s"',;}]+/gi;
const BEARER = /(\bbearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;
const SENSITIVE_KEY = /^(salto-ship-key|authorization)$/i;

/** How a replaced secret reads: `[redacted]`, or with the fingerprint so support can compare keys without seeing them. */
export type Mark = (secret: string) => string;
export const plainMark: Mark = () => REDACTED;
/** `[redacted sha256:…]`. */
export const fingerprintMark: Mark = (secret) => `[redacted ${secretFingerprint(secret)}]`;

/** Replaces every occurrence of every secret (longest first, so a secret containing another is caught whole). */
export function replaceSecrets(text: string, secrets: Iterable<string>, mark: Mark = plainMark): string {
  let out = text;
  const sorted = [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  for (const s of sorted) out = out.split(s).join(mark(s));
  return out;
}

/** Replaces secrets in a string with their fingerprint marks (terminal tables, reports). */
export function redactText(text: string, secrets: readonly string[]): string {
  return replaceSecrets(text, secrets, fingerprintMark);
}

/** Deep copy of a JSON-like value with secrets replaced in every string, keys included. */
export function redactValue<T>(value: T, secrets: readonly string[], mark: Mark = fingerprintMark): T {
  const text = (s: string): string => replaceSecrets(s, secrets, mark);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [text(k), walk(x)]),
      );
    }
    return v;
  };
  return walk(value) as T;
}

/** The values of auth headers (`Salto-SHIP-Key: x`, `Authorization: Bearer x`) and bare bearer tokens blanked. */
function redactHeaders(text: string): string {
  return text
    .replace(HEADER_VALUE, (_m, head: string) => `${head}${REDACTED}`)
    .replace(BEARER, (_m, head: string) => `${head}${REDACTED}`);
}

/**
 * Output written for people (a script's live log and transcript): known secrets as their fingerprint marks, and the
 * values of auth headers blanked — the log redactor's rules, for text whose secrets are known up front.
 */
export function redactOutput(text: string, secrets: readonly string[]): string {
  return redactHeaders(replaceSecrets(text, secrets, fingerprintMark));
}

/** The log's redactor: remembers secret values as they are stored or read, and blanks auth headers. */
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

  const redactLine = (text: string): string => redactHeaders(replaceSecrets(text, secrets));

  const redactAny = (value: unknown, seen: WeakSet<object>): unknown => {
    if (typeof value === 'string') return redactLine(value);
    if (value instanceof Error) {
      const copy = new Error(redactLine(value.message));
      copy.name = value.name;
      if (value.stack !== undefined) copy.stack = redactLine(value.stack);
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
    redactText: redactLine,
    redact: <T>(value: T): T => redactAny(value, new WeakSet()) as T,
  };
}
