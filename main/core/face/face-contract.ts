// The XS4 Face server API we assume (docs/face-server-api.md, v1): paths, and zod schemas for every answer.
import { z } from 'zod';
import { FACE_KEY_FINGERPRINT } from '../../../contract/rules/secret-fingerprint';
import { CHANGE_STATES, INTEGRATION_STATUSES } from './face-assumptions';

const text = (max: number) => z.string().max(max);
/** The one rule for XS4 Face ids (sites, servers, changes) in answers, paths and the CLI's flags. */
export const FACE_ID = /^[A-Za-z0-9._-]{1,128}$/;
export const FACE_ID_RULE = 'must be 1-128 letters, digits, dot, underscore or hyphen';
const id = z.string().regex(FACE_ID, FACE_ID_RULE);
const isoTime = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time');

export const IntegrationStatusSchema = z.enum(INTEGRATION_STATUSES);

export const WhoAmISchema = z.object({ apiVersion: text(16), user: text(256) });
export type WhoAmI = z.infer<typeof WhoAmISchema>;

export const ServerSchema = z.object({
  id,
  name: text(256),
  online: z.boolean(),
  /** Changes XS4 Face Connect holds for this server that it has not received yet (the Console's "pending messages"). */
  pendingMessages: z.number().int().min(0).max(1_000_000).optional(),
});
export const SiteSchema = z.object({ id, name: text(256), servers: z.array(ServerSchema).max(500) });
export const SitesSchema = z.object({ sites: z.array(SiteSchema).max(500) });
export type FaceSite = z.infer<typeof SiteSchema>;

export const IntegrationSchema = z.object({
  type: id,
  name: text(256),
  status: IntegrationStatusSchema,
  lastError: text(2000).nullable(),
  lastCheckedAt: isoTime.nullable(),
});

export const IntegrationsSchema = z.object({
  integrations: z.array(IntegrationSchema).max(100),
  /** Types the Add Integration dialog offers (not yet added). */
  available: z.array(id).max(100),
});
export type IntegrationsList = z.infer<typeof IntegrationsSchema>;

export const ChangeSchema = z.object({
  changeId: id,
  state: z.enum(CHANGE_STATES),
  error: text(2000).nullable().optional(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const ShipKeyInfoSchema = z.object({
  set: z.boolean(),
  /** First 8 hex of the SHA-256 of the key; never the key. */
  fingerprint: z.string().regex(FACE_KEY_FINGERPRINT).nullable(),
});

export const SpaceIntegrationSchema = z.object({
  host: text(253),
  port: z.number().int().min(0).max(65535),
  https: z.boolean(),
  shipApiKey: ShipKeyInfoSchema,
  status: IntegrationStatusSchema,
  lastError: text(2000).nullable(),
  lastCheckedAt: isoTime.nullable(),
});
export type SpaceIntegration = z.infer<typeof SpaceIntegrationSchema>;

export const GeneralOptionSchema = z.object({
  id: id.optional(),
  label: text(256),
  value: text(4096),
  secret: z.boolean(),
});
export const GeneralOptionsSchema = z.object({ options: z.array(GeneralOptionSchema).max(100) });
export type GeneralOption = z.infer<typeof GeneralOptionSchema>;

export const EnrollmentSchema = z.object({ companyName: text(256), privacyPolicyUrl: text(2048) });
export type Enrollment = z.infer<typeof EnrollmentSchema>;

export const InstallScriptSchema = z.object({
  fileName: text(256).regex(/^[^/\\]+$/, 'must be a file name without folders'),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});

export const ErrorBodySchema = z.object({ error: z.object({ code: text(64), message: text(2000) }) });

/** What the client sends (validated before sending, so bad input names the field). */
export const SpaceIntegrationUpdateSchema = z.object({
  host: text(253),
  port: z.number().int().min(1).max(65535),
  https: z.boolean(),
  /** Write-only. Omit to keep the key the server has. */
  shipApiKey: z.string().min(1).max(256).optional(),
});
export type SpaceIntegrationUpdate = z.infer<typeof SpaceIntegrationUpdateSchema>;

export const AddIntegrationsSchema = z.object({ add: z.array(id).min(1).max(100) });

/** Paths relative to the API base; the server is chosen by site and server, as in the Console. */
export const FacePaths = {
  whoami: 'whoami',
  sites: 'sites',
  scope: (siteId: string, serverId: string) =>
    `sites/${encodeURIComponent(siteId)}/servers/${encodeURIComponent(serverId)}/`,
  integrations: 'integrations',
  space: 'integrations/salto-space',
  generalOptions: 'integrations/salto-space/general-options',
  resetAuthKey: 'integrations/salto-space/authentication-key/reset',
  installScript: 'integrations/salto-space/install-script',
  enrollment: 'enrollment',
  change: (changeId: string) => `changes/${encodeURIComponent(changeId)}`,
} as const;
