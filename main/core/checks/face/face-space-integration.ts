// Check face.space-integration: the status XS4 Face shows on its Salto Space card, with the facts behind it.
import { z } from 'zod';
import { text } from '../../../../contract/text';
import { sentencesOf } from '../../../../messages/joins';
import { hostInUrl } from '../../../../contract/rules/url-host';
import { consoleStatusText } from '../../face/status-names';
import type { Check, CheckResult } from '../types';
import { SPACE_INTEGRATION_TYPE } from '../../face/face-assumptions';
import { IntegrationStatusSchema } from '../../face/face-contract';
import { faceKeyFingerprint } from '../../secrets/fingerprint';
import { SpaceUiPaths } from '../../space/space-assumptions';
import {
  AttemptErrorSchema,
  attemptError,
  attemptWords,
  faceClientFor,
  targetFor,
} from './face-check-context';

export const FaceSpaceIntegrationEvidenceSchema = z.object({
  added: z.boolean().nullable(),
  status: IntegrationStatusSchema.nullable(),
  lastError: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().nullable(),
  https: z.boolean().nullable(),
  shipApiKeySet: z.boolean().nullable(),
  /** Fingerprints only (first 8 hex of SHA-256): the one XS4 Face holds and the one the technician gave, if any. */
  shipApiKeyFingerprint: z.string().nullable(),
  expectedShipApiKeyFingerprint: z.string().nullable(),
  error: AttemptErrorSchema.nullable(),
});
export type FaceSpaceIntegrationEvidence = z.infer<typeof FaceSpaceIntegrationEvidenceSchema>;

export function evaluateFaceSpaceIntegration(e: FaceSpaceIntegrationEvidence): CheckResult {
  if (e.error) {
    const words = attemptWords(e.error);
    return {
      status: 'fail',
      code: e.error.code,
      summary: text('checks.face.space-integration.unreadable.summary'),
      detail: words.message,
      remedy: words.remedy,
    };
  }
  if (e.added === false) {
    return {
      status: 'fail',
      code: 'FACE_SPACE_NOT_ADDED',
      summary: text('checks.face.space-integration.notAdded.summary'),
      remedy: text('checks.face.space-integration.notAdded.remedy'),
    };
  }
  const where = e.host
    ? `${e.https ? 'https' : 'http'}://${hostInUrl(e.host)}:${e.port ?? '?'}`
    : text('checks.face.space-integration.noServer');
  const checked = e.lastCheckedAt
    ? text('checks.face.space-integration.lastChecked', { at: e.lastCheckedAt })
    : null;
  const said = e.lastError ? text('checks.face.space-integration.reports', { error: e.lastError }) : null;
  const ui = { shipTab: SpaceUiPaths.shipTab, limit: SpaceUiPaths.limitToOneServer };
  switch (e.status) {
    case 'connected':
      return {
        status: 'pass',
        summary: text('checks.face.space-integration.connected.summary', { where }),
        detail: sentencesOf([
          text('checks.face.space-integration.status', { status: consoleStatusText('connected') }),
          checked,
        ]),
      };
    case 'unauthorized': {
      const keyFacts =
        e.expectedShipApiKeyFingerprint && e.shipApiKeyFingerprint
          ? e.expectedShipApiKeyFingerprint === e.shipApiKeyFingerprint
            ? text('checks.face.space-integration.unauthorized.sameKey')
            : text('checks.face.space-integration.unauthorized.otherKey', {
                face: e.shipApiKeyFingerprint,
                given: e.expectedShipApiKeyFingerprint,
              })
          : null;
      return {
        status: 'fail',
        code: 'FACE_SPACE_UNAUTHORIZED',
        summary: text('checks.face.space-integration.unauthorized.summary'),
        detail: sentencesOf([
          text('checks.face.space-integration.statusFor', {
            status: consoleStatusText('unauthorized'),
            where,
          }),
          keyFacts,
          said,
          checked,
        ]),
        remedy: text('checks.face.space-integration.unauthorized.remedy', ui),
      };
    }
    case 'disconnected':
      return {
        status: 'fail',
        code: 'FACE_SPACE_DISCONNECTED',
        summary: text('checks.face.space-integration.disconnected.summary', { where }),
        detail: sentencesOf([
          text('checks.face.space-integration.status', { status: consoleStatusText('disconnected') }),
          said,
          checked,
          text('checks.face.space-integration.disconnected.causes', ui),
        ]),
        remedy: text('checks.face.space-integration.disconnected.remedy', ui),
      };
    case 'unconfigured':
      return {
        status: 'fail',
        code: 'FACE_SPACE_UNCONFIGURED',
        summary: text('checks.face.space-integration.unconfigured.summary', {
          status: consoleStatusText('unconfigured'),
        }),
        detail:
          e.shipApiKeySet === false
            ? text('checks.face.space-integration.unconfigured.noKey')
            : text('checks.face.space-integration.unconfigured.incomplete'),
        remedy: text('checks.face.space-integration.unconfigured.remedy'),
      };
    case null:
      return {
        status: 'fail',
        code: 'FACE_NO_EVIDENCE',
        summary: text('checks.face.space-integration.noStatus.summary'),
        remedy: text('checks.face.space-integration.noStatus.remedy'),
      };
  }
}

export const faceSpaceIntegrationCheck: Check<FaceSpaceIntegrationEvidence> = {
  id: 'face.space-integration',
  title: text('checks.face.space-integration.title'),
  dependsOn: ['face.signed-in'],
  startWithDependencies: true,
  evidenceSchema: FaceSpaceIntegrationEvidenceSchema,
  async collect(ctx) {
    const client = faceClientFor(ctx);
    const none = {
      added: null,
      status: null,
      lastError: null,
      lastCheckedAt: null,
      host: null,
      port: null,
      https: null,
      shipApiKeySet: null,
      shipApiKeyFingerprint: null,
    };
    const expectedShipApiKeyFingerprint = ctx.inputs.shipKey ? faceKeyFingerprint(ctx.inputs.shipKey) : null;
    try {
      const t = await targetFor(ctx, client);
      const list = await client.listIntegrations(t);
      if (!list.integrations.some((i) => i.type === SPACE_INTEGRATION_TYPE))
        return { ...none, added: false, expectedShipApiKeyFingerprint, error: null };
      const s = await client.getSpaceIntegration(t);
      return {
        added: true,
        status: s.status,
        lastError: s.lastError,
        lastCheckedAt: s.lastCheckedAt,
        host: s.host,
        port: s.port,
        https: s.https,
        shipApiKeySet: s.shipApiKey.set,
        shipApiKeyFingerprint: s.shipApiKey.fingerprint,
        expectedShipApiKeyFingerprint,
        error: null,
      };
    } catch (e) {
      return { ...none, expectedShipApiKeyFingerprint, error: attemptError(e) };
    }
  },
  evaluate: evaluateFaceSpaceIntegration,
};
