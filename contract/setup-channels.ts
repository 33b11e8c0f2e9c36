// The setup wizard's IPC channels (one per SetupService method, plus cancel and secret copy), spread into the contract by ipc.ts.
// Inputs are validated here with rules that name the field; outputs are the flow's shapes (setup-shapes.ts).
import { z } from 'zod';
import { textSchema } from './text-schema';
import { absolutePath, channel, done as nothing, noInput as none } from './channel';
import {
  CheckViewSchema,
  ConnectResultSchema,
  NeedsTrustSchema,
  DetectedSpaceSchema,
  EnrollmentSaveResultSchema,
  EnrollmentSettingsSchema,
  GeneralOptionViewSchema,
  HistoryEntryViewSchema,
  IntegrationCardSchema,
  MaskedSecretSchema,
  FaceChoiceSchema,
  PendingWriteResultSchema,
  ServerChoiceSchema,
  ServerChoicesSchema,
  ScriptInfoSchema,
  ScriptRunResultSchema,
  SetupProgressSchema,
  SpaceCertificateResultSchema,
  SpaceDetailsSchema,
  StepIdSchema,
  VerifyResultSchema,
  VerifyStatusSchema,
} from './setup-shapes';
import { SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE, SHA256_HEX } from './rules/fingerprint';
import { shipKeyProblem, shipKeyProblemText } from './rules/ship-key';

const def = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => channel({ input, output });

/** Chosen by the renderer for each long operation, so progress events can be matched and the operation cancelled. */
export const operationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "-" or "_"');

export const serviceUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2048, 'must be at most 2048 characters')
  .regex(/^https?:\/\/[^\s]+$/i, 'must be a URL starting with https:// or http://');

/** An XS4 Face id (site, server, change), as the Console gives them (main/core/face/face-contract.ts's FACE_ID). */
const faceId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/, 'must be 1-128 letters, digits, dot, underscore or hyphen');

const sha256Hex = z.string().regex(SHA256_HEX, 'must be a SHA-256 (64 hex digits)');
const fingerprint = z.string().regex(SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE);

/** Space Server Details with rules written for the technician (the core validates the host again with validateHost). */
export const spaceDetailsInputSchema = SpaceDetailsSchema.extend({
  host: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(253, 'must be at most 253 characters')
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name (letters, digits, hyphens, dots) or an IP address'),
  port: z
    .number({ error: 'must be a whole number from 1 to 65535' })
    .int('must be a whole number from 1 to 65535')
    .min(1, 'must be a whole number from 1 to 65535')
    .max(65535, 'must be a whole number from 1 to 65535'),
}).strict();

/** A SHIP API key typed by the technician: the rule of contract/rules/ship-key.ts, its first broken part as the message. */
export const shipKeyValueSchema = z.string().superRefine((value, ctx) => {
  const problem = shipKeyProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: shipKeyProblemText(problem) });
});

const userAction = z.literal(true, { error: 'must be true: only on an explicit user action' });
const confirmed = z.literal(true, { error: 'must be true: the technician confirmed' });

export const setupContract = {
  'setup.progress': def(none, SetupProgressSchema),
  'setup.markStep': def(
    z
      .object({
        step: StepIdSchema,
        /** What the step did, as a sentence of the page's catalogs (`setup:…`), said again in whatever language is chosen later. */
        summary: z.union([z.string().max(500, 'must be at most 500 characters'), textSchema]).nullable(),
        next: StepIdSchema,
      })
      .strict(),
    SetupProgressSchema,
  ),
  'setup.resetProgress': def(none, SetupProgressSchema),

  'setup.connectFace': def(
    z
      .object({
        url: serviceUrl,
        token: z.string().min(1, 'must not be empty').max(8192, 'must be at most 8192 characters').nullable(),
      })
      .strict(),
    ConnectResultSchema,
  ),
  'setup.trustFaceCertificate': def(
    z.object({ url: serviceUrl, fingerprint256: fingerprint }).strict(),
    ConnectResultSchema,
  ),
  /** The certificate question of a connection attempt still open (the page asks again after a reload), or null. */
  'setup.connectDraft': def(none, NeedsTrustSchema.nullable()),
  /** The technician did not trust the certificate: the attempt ends, nothing of it is kept. */
  'setup.refuseFaceCertificate': def(none, nothing),

  /** The account's sites and servers as the Console lists them (name, online, pending messages), one preselected. */
  'setup.faceServerChoices': def(none, ServerChoicesSchema),
  /** Chooses the XS4 Face server every later step works on, and remembers it. */
  'setup.chooseFaceServer': def(z.object({ siteId: faceId, serverId: faceId }).strict(), ServerChoiceSchema),
  /** The server chosen (URL, site › server), shown by every later step; null before Connect. */
  'setup.faceChoice': def(none, FaceChoiceSchema.nullable()),

  // Writes to XS4 Face are operations: `setup.cancel` stops them (also while pending), `pending` events say how long
  // the on-site server has not received the change, and one left pending is finished by `setup.keepWaiting`.
  'setup.listIntegrations': def(none, z.array(IntegrationCardSchema)),
  'setup.addIntegrations': def(
    z
      .object({
        operationId: operationIdSchema,
        kinds: z.array(z.string().min(1).max(64)).min(1, 'must name at least one integration').max(20),
      })
      .strict(),
    z.array(IntegrationCardSchema),
  ),
  /** Keeps waiting for a write that ended FACE_WRITE_PENDING (its `detail.changeId`), then reads it back. */
  'setup.keepWaiting': def(
    z.object({ operationId: operationIdSchema, changeId: faceId }).strict(),
    PendingWriteResultSchema,
  ),

  /** Reads back a write that ended FACE_WRITE_UNCONFIRMED (its `detail.checkId`): held (its result) or FACE_WRITE_ABSENT. */
  'setup.checkWrite': def(
    z.object({ operationId: operationIdSchema, checkId: faceId }).strict(),
    PendingWriteResultSchema,
  ),

  'setup.detectSpace': def(none, DetectedSpaceSchema),
  'setup.getSpaceDetails': def(none, SpaceDetailsSchema.nullable()),
  'setup.saveSpaceDetails': def(
    spaceDetailsInputSchema.extend({ operationId: operationIdSchema }).strict(),
    SpaceDetailsSchema,
  ),
  /** Space's certificate (no secret is sent to read it): trusted, or the facts for the trust dialog. */
  'setup.spaceCertificate': def(none, SpaceCertificateResultSchema),
  /** Pins the fingerprint the technician accepted for Space, if Space still presents it. */
  'setup.trustSpaceCertificate': def(
    z.object({ fingerprint256: fingerprint }).strict(),
    SpaceCertificateResultSchema,
  ),

  'setup.shipKey': def(none, MaskedSecretSchema),
  /** `replace`: the technician confirmed replacing the different key XS4 Face holds (without it the core refuses with
   * SHIP_KEY_REPLACE_UNCONFIRMED: Space may already have the old key in its SHIP tab). */
  'setup.setShipKey': def(
    z.union([
      z
        .object({ operationId: operationIdSchema, generate: z.literal(true), replace: confirmed.optional() })
        .strict(),
      z
        .object({ operationId: operationIdSchema, value: shipKeyValueSchema, replace: confirmed.optional() })
        .strict(),
    ]),
    MaskedSecretSchema,
  ),
  'setup.revealShipKey': def(z.object({ userAction }).strict(), z.string()),
  'setup.resetAuthKey': def(
    z.object({ operationId: operationIdSchema, confirmed }).strict(),
    z.array(GeneralOptionViewSchema),
  ),

  'setup.loadInstallScript': def(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('face') }).strict(),
      z
        .object({
          kind: z.literal('file'),
          path: absolutePath,
        })
        .strict(),
    ]),
    ScriptInfoSchema,
  ),
  'setup.runInstallScript': def(
    z.object({ operationId: operationIdSchema, sha256: sha256Hex }).strict(),
    ScriptRunResultSchema,
  ),

  'setup.runChecks': def(
    z
      .object({
        operationId: operationIdSchema,
        ids: z.array(z.string().min(1).max(100)).max(200).nullable(),
      })
      .strict(),
    z.array(CheckViewSchema),
  ),
  'setup.applyFix': def(
    z.object({ operationId: operationIdSchema, checkId: z.string().min(1).max(100), confirmed }).strict(),
    CheckViewSchema,
  ),
  'setup.undoFix': def(
    z.object({ operationId: operationIdSchema, checkId: z.string().min(1).max(100), confirmed }).strict(),
    CheckViewSchema,
  ),

  'setup.generalOptions': def(none, z.array(GeneralOptionViewSchema)),
  'setup.revealGeneralOption': def(
    z.object({ label: z.string().min(1).max(200), userAction }).strict(),
    z.string(),
  ),

  'setup.getEnrollment': def(none, EnrollmentSettingsSchema.nullable()),
  /** Checks the policy first and writes only when it passes, or when `acceptFailingPolicy` says the technician chose to. */
  'setup.saveEnrollment': def(
    EnrollmentSettingsSchema.extend({
      operationId: operationIdSchema,
      acceptFailingPolicy: confirmed.optional(),
    }).strict(),
    EnrollmentSaveResultSchema,
  ),

  'setup.verify': def(
    z
      .object({
        operationId: operationIdSchema,
        deadlineMs: z
          .number()
          .int('must be a whole number of milliseconds')
          .min(1_000, 'must be at least 1000 ms')
          .max(900_000, 'must be at most 900000 ms'),
      })
      .strict(),
    VerifyResultSchema,
  ),

  /** The last verification (persisted, with whether the link changed since) and a run still going on. */
  'setup.verifyStatus': def(none, VerifyStatusSchema),
  /** Follows the verification still running (after a reload): its progress under this operation id, then its result. */
  'setup.followVerify': def(z.object({ operationId: operationIdSchema }).strict(), VerifyResultSchema),

  /**
   * Runs every check on this server and writes a redacted evidence bundle into an empty folder. A folder that does not
   * exist is created only with `createFolder` (the technician said yes); otherwise PATH_FOLDER_MISSING, before any check.
   */
  'setup.collectBundle': def(
    z
      .object({
        operationId: operationIdSchema,
        path: absolutePath,
        createFolder: z.boolean().optional(),
      })
      .strict(),
    z.object({ path: z.string(), checks: z.array(CheckViewSchema) }),
  ),

  /** Aborts a running operation started with that id; answers whether one was running. */
  'setup.cancel': def(z.object({ operationId: operationIdSchema }).strict(), z.boolean()),

  /** The applied-settings history (newest last), secrets only as fingerprints: what the Summary step lists. */
  'history.list': def(none, z.array(HistoryEntryViewSchema)),

  /** Copies a value the page already shows (not a secret): the page has no clipboard permission. */
  'clipboard.copyText': def(
    z
      .object({ text: z.string().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters') })
      .strict(),
    nothing,
  ),

  /** The main process reads the secret and writes it to the clipboard: the value never enters the page. */
  'clipboard.copySecret': def(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('shipKey') }).strict(),
      z.object({ kind: z.literal('generalOption'), label: z.string().min(1).max(200) }).strict(),
    ]),
    nothing,
  ),
} as const;

export type SetupContract = typeof setupContract;
export type SetupChannel = keyof SetupContract;
export type SetupInput<K extends SetupChannel> = z.infer<SetupContract[K]['input']>;
export type SetupOutput<K extends SetupChannel> = z.infer<SetupContract[K]['output']>;
