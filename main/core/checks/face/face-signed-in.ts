// Check face.signed-in: the token is accepted, the account sees the chosen XS4 Face server, and it is online.
import { z } from 'zod';
import { text } from '../../../../contract/text';
import type { Check, CheckResult } from '../types';
import { FACE_API_VERSION } from '../../face/face-assumptions';
import { selectServer } from '../../face/face-client';
import {
  AttemptErrorSchema,
  attemptError,
  attemptWords,
  faceClientFor,
  wantedTarget,
} from './face-check-context';

export const FaceSignedInEvidenceSchema = z.object({
  user: z.string().nullable(),
  apiVersion: z.string().nullable(),
  servers: z.array(
    z.object({
      siteId: z.string(),
      siteName: z.string(),
      serverId: z.string(),
      serverName: z.string(),
      online: z.boolean(),
      /** The Console's "pending messages" of the server; absent when the server does not report it. */
      pendingMessages: z.number().int().min(0).nullable().optional(),
    }),
  ),
  selected: z.object({ siteId: z.string(), serverId: z.string() }).nullable(),
  selectionError: AttemptErrorSchema.nullable(),
  error: AttemptErrorSchema.nullable(),
});
export type FaceSignedInEvidence = z.infer<typeof FaceSignedInEvidenceSchema>;

export function evaluateFaceSignedIn(e: FaceSignedInEvidence): CheckResult {
  if (e.error) {
    const words = attemptWords(e.error);
    return {
      status: 'fail',
      code: e.error.code,
      summary:
        e.error.code === 'FACE_UNAUTHORIZED'
          ? text('checks.face.signed-in.refused.summary')
          : text('checks.face.signed-in.failed.summary'),
      detail: words.message,
      remedy: words.remedy,
    };
  }
  if (e.apiVersion !== FACE_API_VERSION) {
    return {
      status: 'warn',
      code: 'FACE_API_VERSION',
      summary: text('checks.face.signed-in.version.summary', {
        server: e.apiVersion ?? '?',
        app: FACE_API_VERSION,
      }),
      remedy: text('checks.face.signed-in.version.remedy'),
    };
  }
  if (e.selectionError) {
    const words = attemptWords(e.selectionError);
    return {
      status: 'fail',
      code: e.selectionError.code,
      summary: text('checks.face.signed-in.notSelected.summary'),
      detail: words.message,
      remedy: words.remedy,
    };
  }
  const sel = e.servers.find((s) => s.siteId === e.selected?.siteId && s.serverId === e.selected?.serverId);
  if (!sel)
    return {
      status: 'fail',
      code: 'FACE_SERVER_NOT_SELECTED',
      summary: text('checks.face.signed-in.notInAccount.summary'),
      remedy: text('checks.face.signed-in.notInAccount.remedy'),
    };
  const facts = { user: e.user ?? '?', site: sel.siteName, server: sel.serverName };
  if (!sel.online) {
    return {
      status: 'warn',
      code: 'FACE_SERVER_OFFLINE',
      summary: text('checks.face.signed-in.offline.summary', facts),
      detail: text('checks.face.signed-in.offline.detail'),
      remedy: text('checks.face.signed-in.offline.remedy'),
    };
  }
  const pending = sel.pendingMessages ?? 0;
  if (pending > 0)
    return {
      status: 'pass',
      summary: text('checks.face.signed-in.pending.summary', { ...facts, count: pending }),
      detail: text('checks.face.signed-in.pending.detail'),
    };
  return { status: 'pass', summary: text('checks.face.signed-in.working.summary', facts) };
}

export const faceSignedInCheck: Check<FaceSignedInEvidence> = {
  id: 'face.signed-in',
  title: text('checks.face.signed-in.title'),
  dependsOn: ['face.reachable'],
  startWithDependencies: true,
  requires: ['faceUrl', 'faceToken'],
  evidenceSchema: FaceSignedInEvidenceSchema,
  async collect(ctx) {
    const client = faceClientFor(ctx);
    const empty = { user: null, apiVersion: null, servers: [], selected: null, selectionError: null };
    let me;
    let sites;
    try {
      me = await client.whoAmI();
      sites = await client.listSites();
    } catch (e) {
      return { ...empty, error: attemptError(e) };
    }
    const servers = sites.flatMap((s) =>
      s.servers.map((v) => ({
        siteId: s.id,
        siteName: s.name,
        serverId: v.id,
        serverName: v.name,
        online: v.online,
        pendingMessages: v.pendingMessages ?? null,
      })),
    );
    const base = { user: me.user, apiVersion: me.apiVersion, servers, error: null };
    try {
      return { ...base, selected: selectServer(sites, wantedTarget(ctx)), selectionError: null };
    } catch (e) {
      return { ...base, selected: null, selectionError: attemptError(e) };
    }
  },
  evaluate: evaluateFaceSignedIn,
};
