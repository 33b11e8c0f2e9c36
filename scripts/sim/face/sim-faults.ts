// Fault injection for the XS4 Face simulator: latency, error statuses, dropped connections, garbage bodies, pending writes.
import { z } from 'zod';

export const ROUTE_IDS = [
  'whoami',
  'sites',
  'integrations.list',
  'integrations.add',
  'space.get',
  'space.put',
  'general-options.get',
  'auth-key.reset',
  'enrollment.get',
  'enrollment.put',
  'install-script.get',
  'change.get',
] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export const GARBAGE_KINDS = ['html', 'invalid-json', 'wrong-types', 'oversized', 'control-chars'] as const;

const RouteKey = z.union([z.enum(ROUTE_IDS), z.literal('*')]);

export const FaultsSchema = z.object({
  /** Added before every answer. */
  latencyMs: z.number().int().min(0).max(600_000),
  /** Answer these routes with this HTTP status. */
  status: z.partialRecord(RouteKey, z.number().int().min(100).max(599)),
  /** Send headers and half the body, then cut the connection. */
  drop: z.array(RouteKey),
  /** Answer these routes with a hostile body. */
  garbage: z.partialRecord(RouteKey, z.enum(GARBAGE_KINDS)),
  /** Writes stay "pending" this long before the server applies them. */
  pendingMs: z.number().int().min(0).max(3_600_000),
  /** Writes are accepted and reported applied but change nothing. */
  ignoreWrites: z.boolean(),
  /** Writes end in state "failed" (the on-site server refused them). */
  failWrites: z.boolean(),
});
export type Faults = z.infer<typeof FaultsSchema>;

export function noFaults(): Faults {
  return {
    latencyMs: 0,
    status: {},
    drop: [],
    garbage: {},
    pendingMs: 0,
    ignoreWrites: false,
    failWrites: false,
  };
}

export function pick<T>(rec: Partial<Record<RouteId | '*', T>>, route: RouteId): T | undefined {
  return rec[route] ?? rec['*'];
}

function mapStrings(v: unknown, f: (s: string) => unknown): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

/** The hostile body for a garbage kind; `normal` is what the route would have answered. */
export function garbageBody(
  kind: (typeof GARBAGE_KINDS)[number],
  normal: unknown,
): { contentType: string; chunks: Buffer[] } {
  switch (kind) {
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        chunks: [
          Buffer.from('<!doctype html><html><body><h1>Sign in</h1><p>Please log in.</p></body></html>'),
        ],
      };
    case 'invalid-json':
      return {
        contentType: 'application/json',
        chunks: [Buffer.from('{"integrations": [{"type": "salto-space", ')],
      };
    case 'wrong-types':
      return {
        contentType: 'application/json',
        chunks: [Buffer.from(JSON.stringify(mapStrings(normal, () => 12345)))],
      };
    case 'control-chars':
      return {
        contentType: 'application/json',
        chunks: [
          Buffer.from(JSON.stringify(mapStrings(normal, (s) => `\u001b[2J\u001b]0;owned\u0007${s}\u202e`))),
        ],
      };
    case 'oversized': {
      // 4 MiB streamed without a length, so the client must count what it reads.
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      return {
        contentType: 'application/json',
        chunks: [Buffer.from('{"pad":"'), ...Array.from({ length: 64 }, () => chunk), Buffer.from('"}')],
      };
    }
  }
}
