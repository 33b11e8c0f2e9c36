// Check face.space-integration: the status XS4 Face shows on its Salto Space card, with the facts behind it.
import { z } from 'zod';
import type { Check, CheckResult } from '../types';
import { SPACE_INTEGRATION_TYPE } from '../../face/face-assumptions';
import { IntegrationStatusSchema } from '../../face/face-contract';
import { faceKeyFingerprint } from '../../secrets/fingerprint';
import { SpaceUiPaths } from '../../space/space-assumptions';
import { AttemptErrorSchema, attemptError, faceClientFor, targetFor } from './face-check-context';

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

const DISCONNECTED_CAUSES = [
  'the Space service is stopped or the server is asleep',
  'Space does not serve HTTPS on that port (Space Configurator)',
  'the Windows firewall on the Space server blocks the port',
  'the host or port in Space Server Details is wrong',
  `SHIP over HTTP(S) is not enabled in Space (${SpaceUiPaths.shipTab})`,
  `"${SpaceUiPaths.limitToOneServer}" (${SpaceUiPaths.shipTab}) names another address than the XS4 Face server's`,
];

export function evaluateFaceSpaceIntegration(e: FaceSpaceIntegrationEvidence): CheckResult {
  if (e.error)
    return {
      status: 'fail',
      code: e.error.code,
      summary: 'Could not read the Salto Space integration',
      detail: e.error.message,
      remedy: e.error.remedy,
    };
  if (e.added === false) {
    return {
      status: 'fail',
      code: 'FACE_SPACE_NOT_ADDED',
      summary: 'The Salto Space integration has not been added in XS4 Face',
      remedy: 'In XS4 Face › Integrations, click Add Integration, turn on Salto Space and continue.',
    };
  }
  const where = e.host ? `${e.https ? 'https' : 'http'}://${e.host}:${e.port ?? '?'}` : 'no Space server';
  const checked = e.lastCheckedAt ? ` Last checked ${e.lastCheckedAt}.` : '';
  const said = e.lastError ? ` XS4 Face reports: ${e.lastError}` : '';
  switch (e.status) {
    case 'connected':
      return {
        status: 'pass',
        summary: `XS4 Face is connected to Space at ${where}`,
        detail: `Status Connected.${checked}`,
      };
    case 'unauthorized': {
      const keyFacts =
        e.expectedShipApiKeyFingerprint && e.shipApiKeyFingerprint
          ? e.expectedShipApiKeyFingerprint === e.shipApiKeyFingerprint
            ? ' The key in XS4 Face matches the one you gave, so Space holds a different one.'
            : ` XS4 Face holds key ${e.shipApiKeyFingerprint}, you gave ${e.expectedShipApiKeyFingerprint} (fingerprints).`
          : '';
      return {
        status: 'fail',
        code: 'FACE_SPACE_UNAUTHORIZED',
        summary: "Space refuses XS4 Face's SHIP API key",
        detail: `Status Unauthorized for ${where}.${keyFacts}${said}${checked}`,
        remedy: `Compare the SHIP API key in XS4 Face (Space Server Details) with the key in Space's SHIP tab (${SpaceUiPaths.shipTab}); make them identical, and make sure the authentication there is custom, not basic.`,
      };
    }
    case 'disconnected':
      return {
        status: 'fail',
        code: 'FACE_SPACE_DISCONNECTED',
        summary: `XS4 Face cannot connect to Space at ${where}`,
        detail: `Status Disconnected.${said}${checked} Possible causes: ${DISCONNECTED_CAUSES.join('; ')}.`,
        remedy: `Run the Space checks of this app (HTTPS, SHIP, firewall, power) on this server and fix what they report. If they pass, check "${SpaceUiPaths.limitToOneServer}" in ${SpaceUiPaths.shipTab}: when on, it must name the XS4 Face server's address.`,
      };
    case 'unconfigured':
      return {
        status: 'fail',
        code: 'FACE_SPACE_UNCONFIGURED',
        summary: 'The Salto Space card shows "No status": the integration is not configured',
        detail:
          e.shipApiKeySet === false ? 'No SHIP API key is set.' : 'Space Server Details are incomplete.',
        remedy:
          'Configure it: fill in Space Server Details (host, port, HTTPS) and the SHIP API key in XS4 Face, or let this app write them.',
      };
    case null:
      return {
        status: 'fail',
        code: 'FACE_NO_EVIDENCE',
        summary: 'No status was recorded',
        remedy: 'Run the check again.',
      };
  }
}

export const faceSpaceIntegrationCheck: Check<FaceSpaceIntegrationEvidence> = {
  id: 'face.space-integration',
  title: 'XS4 Face ⇄ Space integration status',
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
