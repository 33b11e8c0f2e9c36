// Test-only checks with real collect and evaluate logic (HTTP against loopback servers, powercfg text parsing),
// used to exercise the runner, bundles, report and CLI without the product's checks.
import { z } from 'zod';
import { AppError } from '../../main/core/errors';
import { httpRequest } from '../../main/core/net/https-client';
import type { Check, CheckContext } from '../../main/core/checks/types';

const HttpEvidence = z.object({ status: z.number().int(), body: z.string() });
type HttpEvidence = z.infer<typeof HttpEvidence>;

async function get(
  ctx: CheckContext,
  url: string,
  headers: Record<string, string>,
  path = '',
): Promise<HttpEvidence> {
  const res = await httpRequest({
    url,
    path,
    method: 'GET',
    headers,
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    trust: { extraCa: ctx.inputs.extraCa },
  });
  return { status: res.status, body: res.body.toString('utf8').slice(0, 500) };
}

/** Is the "face" server there, and does it accept our token? */
export const faceReachable: Check<HttpEvidence> = {
  id: 'test.face-http',
  title: 'Test Face reachable',
  requires: ['faceUrl'],
  evidenceSchema: HttpEvidence,
  collect: (ctx) =>
    get(
      ctx,
      ctx.inputs.faceUrl!,
      ctx.inputs.faceToken ? { authorization: `Bearer ${ctx.inputs.faceToken}` } : {},
    ),
  evaluate: (e) => {
    if (e.status === 200) return { status: 'pass', summary: 'Face answered 200', detail: `body: ${e.body}` };
    if (e.status === 401)
      return {
        status: 'fail',
        summary: 'Face refused the token',
        detail: `body: ${e.body}`,
        remedy: 'Sign in again.',
        code: 'TEST_FACE_UNAUTHORIZED',
      };
    return {
      status: 'warn',
      summary: `Face answered ${e.status}`,
      remedy: 'Look at the server.',
      code: 'TEST_FACE_STATUS',
    };
  },
};

export const spaceReachable: Check<HttpEvidence> = {
  id: 'test.space-http',
  title: 'Test Space reachable',
  requires: ['spaceUrl'],
  evidenceSchema: HttpEvidence,
  collect: (ctx) => get(ctx, ctx.inputs.spaceUrl!, {}),
  evaluate: (e) =>
    e.status < 500
      ? { status: 'pass', summary: `Space answered ${e.status}` }
      : {
          status: 'fail',
          summary: `Space answered ${e.status}`,
          remedy: 'Start the Space service.',
          code: 'TEST_SPACE_DOWN',
        },
};

/** Sends the key; the test server echoes what it got, which puts the key into the evidence (redaction must catch it). */
export const shipAuth: Check<HttpEvidence> = {
  id: 'test.ship-auth',
  title: 'Test SHIP key accepted',
  requires: ['spaceUrl', 'shipKey'],
  dependsOn: ['test.space-http'],
  evidenceSchema: HttpEvidence,
  collect: (ctx) => get(ctx, ctx.inputs.spaceUrl!, { 'salto-ship-key': ctx.inputs.shipKey! }, 'ship'),
  evaluate: (e) =>
    e.status === 200
      ? { status: 'pass', summary: 'SHIP accepted the key', detail: e.body }
      : {
          status: 'fail',
          summary: `SHIP refused the key (${e.status})`,
          detail: e.body,
          remedy: 'Enter the SHIP API key from XS4 Face in Space.',
          code: 'TEST_SHIP_UNAUTHORIZED',
        },
};

const STANDBYIDLE = '29f6c1db-86da-48c5-9fdb-f2b67b1f44da';
const PowerEvidence = z.object({ raw: z.string() });
type PowerEvidence = z.infer<typeof PowerEvidence>;

/** AC and DC "sleep after" seconds from powercfg output in any language: the GUID and hex values, never the labels. */
export function standbySeconds(raw: string): { ac: number; dc: number } | undefined {
  const text = raw.replace(/\r\n?/g, '\n').toLowerCase();
  const at = text.indexOf(STANDBYIDLE);
  if (at === -1) return undefined;
  const rest = text.slice(at + STANDBYIDLE.length);
  const next = rest.search(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  const block = next === -1 ? rest : rest.slice(0, next);
  const hex = [...block.matchAll(/:\s*0x([0-9a-f]{8})\s*$/gm)].map((m) => parseInt(m[1]!, 16));
  if (hex.length < 2) return undefined;
  return { ac: hex[hex.length - 2]!, dc: hex[hex.length - 1]! };
}

export function powerSleepCheck(readText: () => Promise<string>): Check<PowerEvidence> {
  return {
    id: 'test.power-sleep',
    title: 'Test sleep after',
    evidenceSchema: PowerEvidence,
    bundle: { textFile: 'powercfg-sub-sleep.txt', fromText: (text) => ({ raw: text }), toText: (e) => e.raw },
    collect: async () => {
      try {
        return { raw: await readText() };
      } catch (e) {
        throw new AppError(
          'TEST_POWERCFG_FAILED',
          `powercfg output unavailable (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
          'Run powercfg by hand.',
        );
      }
    },
    evaluate: (e) => {
      const s = standbySeconds(e.raw);
      if (!s)
        return {
          status: 'fail',
          summary: 'could not read: no STANDBYIDLE setting in the powercfg output',
          remedy: 'Collect powercfg /query SCHEME_CURRENT SUB_SLEEP again.',
          code: 'TEST_POWER_UNREADABLE',
        };
      if (s.ac === 0) return { status: 'pass', summary: 'never sleeps on AC power', detail: `DC: ${s.dc} s` };
      return {
        status: 'fail',
        summary: `sleeps after ${s.ac} s on AC power`,
        remedy: 'Set "Sleep after" to Never.',
        code: 'TEST_POWER_SLEEP_ENABLED',
      };
    },
  };
}

/**
 * A bug outside every handler: an exception thrown from a timer while the check runs (as a throw inside a TLS event
 * handler would be). Registered only when XS4_TEST_INTERNAL_ERROR is set, to prove the CLI's last resort (exit 3).
 */
export const crashOutsideHandlers: Check<HttpEvidence> = {
  id: 'test.crash',
  title: 'Test bug outside any handler',
  evidenceSchema: HttpEvidence,
  collect: () =>
    new Promise<HttpEvidence>(() => {
      setTimeout(() => {
        throw new TypeError('Invalid time value\n    at describeSomething (file.ts:1:1)');
      }, 10);
    }),
  evaluate: () => ({ status: 'pass', summary: 'never reached' }),
};
