// Check face.signed-in: the token is accepted, the account sees the chosen XS4 Face server, and it is online.
import { z } from 'zod';
import type { Check, CheckResult } from '../types';
import { FACE_API_VERSION } from '../../face/face-assumptions';
import { selectServer } from '../../face/face-client';
import { AttemptErrorSchema, attemptError, faceClientFor, wantedTarget } from './face-check-context';

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
  if (e.error)
    return {
      status: 'fail',
      code: e.error.code,
      summary:
        e.error.code === 'FACE_UNAUTHORIZED'
          ? 'XS4 Face refused the sign-in'
          : 'Could not sign in to XS4 Face',
      detail: e.error.message,
      remedy: e.error.remedy,
    };
  if (e.apiVersion !== FACE_API_VERSION) {
    return {
      status: 'warn',
      code: 'FACE_API_VERSION',
      summary: `XS4 Face speaks contract version ${e.apiVersion ?? '?'}, this app version ${FACE_API_VERSION}`,
      remedy: 'Update this app, or check the results of the other XS4 Face checks with care.',
    };
  }
  if (e.selectionError)
    return {
      status: 'fail',
      code: e.selectionError.code,
      summary: 'No XS4 Face server selected',
      detail: e.selectionError.message,
      remedy: e.selectionError.remedy,
    };
  const sel = e.servers.find((s) => s.siteId === e.selected?.siteId && s.serverId === e.selected?.serverId);
  if (!sel)
    return {
      status: 'fail',
      code: 'FACE_SERVER_NOT_SELECTED',
      summary: 'The selected XS4 Face server is not in this account',
      remedy: 'Choose one of the servers the account lists.',
    };
  if (!sel.online) {
    return {
      status: 'warn',
      code: 'FACE_SERVER_OFFLINE',
      summary: `Signed in as ${e.user ?? '?'}; ${sel.siteName} › ${sel.serverName} is offline`,
      detail: 'Changes will stay pending until the server connects to XS4 Face Connect again.',
      remedy: 'Check that the XS4 Face VM runs and may reach the internet on TCP 443 and 8883 and UDP 123.',
    };
  }
  const pending = sel.pendingMessages ?? 0;
  return {
    status: 'pass',
    summary: `Signed in as ${e.user ?? '?'}; working on ${sel.siteName} › ${sel.serverName}${pending > 0 ? ` (${pending} pending message${pending === 1 ? '' : 's'})` : ''}`,
    ...(pending > 0
      ? { detail: 'XS4 Face Connect holds changes the server has not received yet; they apply when it does.' }
      : {}),
  };
}

export const faceSignedInCheck: Check<FaceSignedInEvidence> = {
  id: 'face.signed-in',
  title: 'Signed in to XS4 Face',
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
