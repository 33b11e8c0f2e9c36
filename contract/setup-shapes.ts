// Data shapes of the setup flow, shared by the GUI (through the IPC contract) and the CLI. zod first: they cross trust boundaries.
import { z } from 'zod';
import { CertificateInfoSchema } from './certificate';
import { StepIds } from './steps';
import { sayableSchema, textSchema } from './text-schema';

export const StepIdSchema = z.enum(StepIds);

/** Why a connection needs the technician's judgement (an error without its detail). */
const ReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  remedy: z.string(),
  /** The catalog key of the pair and its parameters, as errors carry them (the page says it in its language). */
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), textSchema])).optional(),
});

/** The four statuses of the XS4 Face Console's integration cards. */
export const IntegrationStatusSchema = z.enum(['connected', 'unauthorized', 'disconnected', 'unconfigured']);
export type IntegrationStatus = z.infer<typeof IntegrationStatusSchema>;

export const IntegrationCardSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  status: IntegrationStatusSchema,
  lastError: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  /** False for an integration the server offers but that has not been added yet (the Add Integration dialog's list). */
  added: z.boolean(),
});
export type IntegrationCard = z.infer<typeof IntegrationCardSchema>;

/** Result of connecting to XS4 Face: either connected, or a certificate the technician must judge first. */
/** A certificate waiting for the technician's decision before anything is sent with a token. */
export const NeedsTrustSchema = z.object({
  state: z.literal('needs-trust'),
  url: z.string(),
  certificate: CertificateInfoSchema,
  reason: ReasonSchema,
  /** Set when the server presents another certificate than the one accepted before: the technician decides. */
  previousFingerprint256: z.string().optional(),
});
export type NeedsTrust = z.infer<typeof NeedsTrustSchema>;

export const ConnectResultSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('connected'),
    url: z.string(),
    certificate: CertificateInfoSchema.nullable(),
    trustedBy: z.enum(['system', 'pin', 'none']),
  }),
  NeedsTrustSchema,
  z.object({
    /** The stored token was entered for another server (`tokenFor`, its origin): it is not sent here; ask for one. */
    state: z.literal('needs-token'),
    url: z.string(),
    tokenFor: z.string(),
  }),
]);
export type ConnectResult = z.infer<typeof ConnectResultSchema>;

/** Space's certificate as the Space settings step and Troubleshoot show it: trusted, or waiting for the technician. */
export const SpaceCertificateResultSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('trusted'),
    url: z.string(),
    certificate: CertificateInfoSchema,
    trustedBy: z.enum(['system', 'pin']),
  }),
  z.object({
    state: z.literal('needs-trust'),
    url: z.string(),
    certificate: CertificateInfoSchema,
    reason: ReasonSchema,
    /** Set when Space presents another certificate than the one accepted before. */
    previousFingerprint256: z.string().optional(),
  }),
]);
export type SpaceCertificateResult = z.infer<typeof SpaceCertificateResultSchema>;

export const SpaceDetailsSchema = z.object({
  host: z.string(),
  port: z.number().int().min(1).max(65535),
  https: z.boolean(),
});
export type SpaceDetails = z.infer<typeof SpaceDetailsSchema>;

/** What this machine says about itself, to pre-fill Space Server Details. */
export const DetectedSpaceSchema = z.object({
  available: z.boolean(),
  /** Why detection was not possible (e.g. not on Windows). */
  reason: sayableSchema.nullable(),
  fqdn: z.string().nullable(),
  ipv4: z.array(z.string()),
  port: z.number().int(),
  https: z.boolean().nullable(),
  serviceRunning: z.boolean().nullable(),
  version: z.string().nullable(),
});
export type DetectedSpace = z.infer<typeof DetectedSpaceSchema>;

/** A secret shown masked: the renderer sees whether it is set and a fingerprint, never the value unless revealed. */
export const MaskedSecretSchema = z.object({ set: z.boolean(), fingerprint: z.string().nullable() });
export type MaskedSecret = z.infer<typeof MaskedSecretSchema>;

/** One row of XS4 Face's "Space General Options": what the technician types into Space's Face recognition tab. */
export const GeneralOptionViewSchema = z.object({
  label: z.string(),
  /** null when secret (reveal or copy through their own channels). */
  value: z.string().nullable(),
  secret: z.boolean(),
});
export type GeneralOptionView = z.infer<typeof GeneralOptionViewSchema>;

export const EnrollmentSettingsSchema = z.object({
  companyName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  privacyPolicyUrl: z
    .string()
    .trim()
    .url('must be a URL')
    .refine((u) => u.startsWith('https://'), 'must start with https://'),
});
export type EnrollmentSettings = z.infer<typeof EnrollmentSettingsSchema>;

export const CheckStatusSchema = z.enum(['pass', 'warn', 'fail', 'skip']);

/** A check result as the GUI shows it. */
export const CheckViewSchema = z.object({
  id: z.string(),
  title: sayableSchema,
  status: CheckStatusSchema,
  summary: sayableSchema,
  detail: sayableSchema.optional(),
  remedy: sayableSchema.optional(),
  code: z.string().optional(),
  durationMs: z.number(),
  fix: z.object({ title: sayableSchema, elevated: z.boolean() }).nullable(),
  undoAvailable: z.boolean(),
});
export type CheckView = z.infer<typeof CheckViewSchema>;

/** What saving the Enrollment Service did: the checks of the values it was given (run before anything is written) and,
 * when they did not fail or the technician accepted the failure, the values written and read back. */
export const EnrollmentSaveResultSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(false), checks: z.array(CheckViewSchema) }),
  z.object({
    saved: z.literal(true),
    enrollment: EnrollmentSettingsSchema,
    checks: z.array(CheckViewSchema),
  }),
]);
export type EnrollmentSaveResult = z.infer<typeof EnrollmentSaveResultSchema>;

export const ScriptInfoSchema = z.object({
  source: z.enum(['file', 'face']),
  path: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  signature: z.object({
    /** Get-AuthenticodeSignature's Status, or 'unavailable' off Windows. */
    status: z.string(),
    signer: z.string().nullable(),
    reason: z.string().nullable(),
  }),
});
export type ScriptInfo = z.infer<typeof ScriptInfoSchema>;

export const ScriptRunResultSchema = z.object({
  outcome: z.enum(['succeeded', 'failed', 'elevation-cancelled', 'timeout', 'cancelled', 'unavailable']),
  exitCode: z.number().int().nullable(),
  transcriptPath: z.string().nullable(),
  message: sayableSchema,
});
export type ScriptRunResult = z.infer<typeof ScriptRunResultSchema>;

export const VerifyResultSchema = z.object({
  status: IntegrationStatusSchema,
  connected: z.boolean(),
  /** Why it is not connected, from the checks that explain it. */
  diagnosis: z.array(CheckViewSchema),
  message: sayableSchema,
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

/**
 * What a write to XS4 Face waits for at the moment: a read before it, a check of the values before they are sent (the
 * privacy policy), the write's answer, the read back after it.
 */
export const WaitStageSchema = z.enum(['reading', 'checkingPolicy', 'sending', 'readingBack']);
export type WaitStage = z.infer<typeof WaitStageSchema>;

/** What the Verify step finds on arrival (after a reload or a restart): the last result, and a run still going on. */
export const VerifyStatusSchema = z.object({
  /** A verification that started and has not ended; `active` when it still runs in this assistant (it can be followed). */
  running: z
    .object({ startedAt: z.string(), deadlineMs: z.number().int().min(0), active: z.boolean() })
    .nullable(),
  /** The last finished verification; `stale` when something the link depends on was changed after it. */
  last: z.object({ at: z.string(), result: VerifyResultSchema, stale: z.boolean() }).nullable(),
});
export type VerifyStatus = z.infer<typeof VerifyStatusSchema>;

export const HistoryEntryViewSchema = z.object({
  time: z.string(),
  kind: z.string(),
  /** The id as recorded (for support), e.g. "power.sleep". */
  target: z.string(),
  /** What was changed, in words: what the Summary shows. */
  targetName: textSchema,
  /** What the change did (entries recorded before the catalogs hold English words). */
  summary: sayableSchema,
  /** "ok", or "failed" with the code. */
  result: textSchema,
});
export type HistoryEntryView = z.infer<typeof HistoryEntryViewSchema>;

/** Progress of the wizard, persisted (non-secret) so reopening the app resumes and side effects are not repeated. */
export const SetupProgressSchema = z.object({
  current: StepIdSchema,
  done: z.partialRecord(StepIdSchema, z.object({ at: z.string(), summary: sayableSchema })),
});
export type SetupProgress = z.infer<typeof SetupProgressSchema>;

/** One XS4 Face server as the Console lists it under its site (main/core/face/server-choices.ts). */
export const ServerChoiceSchema = z.object({
  siteId: z.string(),
  serverId: z.string(),
  siteName: z.string(),
  serverName: z.string(),
  online: z.boolean(),
  /** Changes XS4 Face holds for the server that it has not received yet; null when the server does not say. */
  pendingMessages: z.number().int().min(0).nullable(),
});
export type ServerChoice = z.infer<typeof ServerChoiceSchema>;

/** The account's sites and servers, and the one chosen for the technician (remembered, or the only one). */
export const ServerChoicesSchema = z.object({
  sites: z.array(z.object({ id: z.string(), name: z.string(), servers: z.array(ServerChoiceSchema) })),
  preselected: z.object({ siteId: z.string(), serverId: z.string() }).nullable(),
  reason: z.enum(['remembered', 'only-server', 'several-servers', 'no-servers']),
});
export type ServerChoices = z.infer<typeof ServerChoicesSchema>;

/** The XS4 Face server every later step works on, as the Console named it when it was chosen. */
export const FaceChoiceSchema = z.object({
  url: z.string(),
  siteId: z.string(),
  serverId: z.string(),
  siteName: z.string().nullable(),
  serverName: z.string().nullable(),
});
export type FaceChoice = z.infer<typeof FaceChoiceSchema>;

/** What "Keep waiting" gives back once a write left pending is applied and read back: the step's own result. */
export const PendingWriteResultSchema = z.discriminatedUnion('write', [
  z.object({ write: z.literal('integrations'), cards: z.array(IntegrationCardSchema) }),
  z.object({ write: z.literal('spaceDetails'), details: SpaceDetailsSchema }),
  z.object({ write: z.literal('shipKey'), shipKey: MaskedSecretSchema }),
  z.object({ write: z.literal('authKey'), generalOptions: z.array(GeneralOptionViewSchema) }),
  z.object({ write: z.literal('enrollment'), enrollment: EnrollmentSettingsSchema }),
]);
export type PendingWriteResult = z.infer<typeof PendingWriteResultSchema>;
