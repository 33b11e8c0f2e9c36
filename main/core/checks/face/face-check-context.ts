// Shared plumbing of the XS4 Face checks: a client built from the run's inputs, the chosen server, and errors as evidence.
import { z } from 'zod';
import { text, type Sayable } from '../../../../contract/text';
import { textSchema } from '../../../../contract/text-schema';
import { AppError, toErrorInfo } from '../../errors';
import type { CheckContext, CheckInputs } from '../types';
import { createFaceClient, selectServer, type FaceClient, type FaceTarget } from '../../face/face-client';
import { staticTokenProvider } from '../../face/token-provider';

/** The face checks read the common inputs, including which site and server (the Console's selection). */
export type FaceCheckInputs = CheckInputs;

/**
 * A failed attempt, recorded as evidence: the stable code, the sentences in English, and their catalog key and
 * parameters so any reader says them in their language (bundles written before the key existed carry English only).
 * Never a secret.
 */
export const AttemptErrorSchema = z.object({
  code: z.string().max(64),
  message: z.string().max(2000),
  remedy: z.string().max(2000),
  key: z.string().max(200).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), textSchema])).optional(),
});
export type AttemptError = z.infer<typeof AttemptErrorSchema>;

export function attemptError(e: unknown): AttemptError {
  const i = toErrorInfo(e);
  return {
    code: i.code,
    message: i.message.slice(0, 2000),
    remedy: i.remedy.slice(0, 2000),
    ...(i.key !== undefined ? { key: i.key } : {}),
    ...(i.params !== undefined ? { params: i.params } : {}),
  };
}

/** The attempt's sentence and remedy: by catalog key when it has one, else the English it was recorded with. */
export function attemptWords(a: AttemptError): { message: Sayable; remedy: Sayable } {
  if (a.key === undefined) return { message: a.message, remedy: a.remedy };
  return { message: text(`${a.key}.message`, a.params), remedy: text(`${a.key}.remedy`, a.params) };
}

export function requireFaceUrl(ctx: CheckContext): string {
  const url = ctx.inputs.faceUrl;
  if (!url) throw new AppError('FACE_NOT_CONFIGURED');
  return url;
}

export function faceClientFor(ctx: CheckContext): FaceClient {
  const url = requireFaceUrl(ctx);
  if (!ctx.inputs.faceToken) throw new AppError('FACE_NO_TOKEN', { variant: 'checks' });
  return createFaceClient({
    baseUrl: url,
    tokenProvider: staticTokenProvider(ctx.inputs.faceToken),
    pinnedFingerprint256: ctx.inputs.facePinnedFingerprint256,
    extraCa: ctx.inputs.extraCa,
    timeoutMs: Math.min(ctx.timeoutMs, 10_000),
    retries: 1,
    signal: ctx.signal,
  });
}

export function wantedTarget(ctx: CheckContext): Partial<FaceTarget> {
  const i = ctx.inputs as FaceCheckInputs;
  return {
    ...(i.faceSiteId ? { siteId: i.faceSiteId } : {}),
    ...(i.faceServerId ? { serverId: i.faceServerId } : {}),
  };
}

export async function targetFor(ctx: CheckContext, client: FaceClient): Promise<FaceTarget> {
  return selectServer(await client.listSites(), wantedTarget(ctx));
}
