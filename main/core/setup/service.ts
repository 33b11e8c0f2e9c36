// The setup flow's operations, one method per thing a wizard step or `xs4-setup setup` does. The GUI's IPC handlers and the CLI both call this.
import type { Sayable } from '../../../contract/text';
import type {
  CheckView,
  ConnectResult,
  NeedsTrust,
  DetectedSpace,
  EnrollmentSaveResult,
  EnrollmentSettings,
  FaceChoice,
  GeneralOptionView,
  IntegrationCard,
  MaskedSecret,
  PendingWriteResult,
  ScriptInfo,
  ScriptRunResult,
  SetupProgress,
  SpaceCertificateResult,
  SpaceDetails,
  VerifyResult,
  VerifyStatus,
  WaitStage,
} from '../../../contract/setup-shapes';
import type { StepId } from '../../../contract/steps';
import type { SiteProfile } from '../profile/site-profile';
import type { ServerChoice, ServerChoices } from '../face/server-choices';
import type { PendingProgress } from '../face/face-client';

export interface OperationHooks {
  signal?: AbortSignal;
  onProgress?: (message: Sayable, fraction: number | null) => void;
  onLogLine?: (line: string) => void;
  /** Told before each poll while an XS4 Face write of this operation is accepted but not yet applied. */
  onPending?: (p: PendingProgress) => void;
  /** Told when an XS4 Face write of this operation starts waiting for something else (read, answer, read back). */
  onStage?: (stage: WaitStage) => void;
}

export interface SetupService {
  /** Where the wizard stands (persisted). */
  progress(): Promise<SetupProgress>;
  /** Marks a step done (or moves to a step) and persists it. */
  markStep(step: StepId, summary: Sayable | null, next: StepId): Promise<SetupProgress>;
  /** Forgets wizard progress (not the history). */
  resetProgress(): Promise<SetupProgress>;

  /**
   * Connects to XS4 Face with the sign-in, the token given or the stored one; reports the certificate when it needs the
   * technician's trust. A draft: the saved address, token and pin change only when this attempt connects.
   */
  connectFace(url: string, token: string | null): Promise<ConnectResult>;
  /** Accepts the fingerprint the technician trusted and goes on with the attempt; pinned once it connects. */
  trustFaceCertificate(url: string, fingerprint256: string): Promise<ConnectResult>;
  /** The certificate question of the attempt still open (asked again after a page reload), or null. */
  connectDraft(): Promise<NeedsTrust | null>;
  /** The technician did not trust the certificate: the open attempt is dropped. */
  refuseFaceCertificate(): Promise<null>;

  /** The account's sites and servers as the Console shows them, and the one preselected (remembered, or the only one). */
  faceServerChoices(url?: string): Promise<ServerChoices>;
  /** Chooses the server (by id or name; the preselected one when none is asked for) and remembers it. */
  chooseFaceServer(
    wanted: { site?: string | undefined; server?: string | undefined },
    url?: string,
  ): Promise<ServerChoice>;
  /** The XS4 Face server the later steps work on (URL, site › server as named when chosen), or null before Connect. */
  faceChoice(): Promise<FaceChoice | null>;

  /**
   * Writes take the operation's hooks: its signal stops them (also while pending) and `onPending` is told while the
   * on-site server has not received the change. A write left pending fails FACE_WRITE_PENDING with its change id;
   * `keepWaiting` finishes it (waits, reads back, records) without sending it again.
   */
  keepWaiting(changeId: string, hooks: OperationHooks): Promise<PendingWriteResult>;
  /**
   * A write sent without an answer (cancelled, cut, timed out) fails FACE_WRITE_UNCONFIRMED with a `checkId`: this reads
   * the values back (sending nothing) and gives the write's result when XS4 Face holds them, FACE_WRITE_ABSENT if not.
   */
  checkWrite(checkId: string, hooks: OperationHooks): Promise<PendingWriteResult>;

  listIntegrations(): Promise<IntegrationCard[]>;
  addIntegrations(kinds: string[], hooks?: OperationHooks): Promise<IntegrationCard[]>;

  detectSpace(): Promise<DetectedSpace>;
  getSpaceDetails(): Promise<SpaceDetails | null>;
  /** Writes Space Server Details to XS4 Face, reads them back, records history. */
  saveSpaceDetails(details: SpaceDetails, hooks?: OperationHooks): Promise<SpaceDetails>;
  /** Space's certificate: trusted (system or accepted fingerprint), or the facts the technician judges. */
  spaceCertificate(): Promise<SpaceCertificateResult>;
  /** Pins Space's certificate if it still has this fingerprint; records it in the history. */
  trustSpaceCertificate(fingerprint256: string): Promise<SpaceCertificateResult>;

  shipKey(): Promise<MaskedSecret>;
  /**
   * Generates 32 random letters and digits, or stores the given key; writes it to XS4 Face and verifies by fingerprint.
   * A different key XS4 Face already holds is replaced only with `replace: true` (SHIP_KEY_REPLACE_UNCONFIRMED otherwise):
   * Space's SHIP tab may hold the old one, and Space is refused until the new one is typed there.
   */
  setShipKey(
    key: ({ generate: true } | { value: string }) & { replace?: boolean },
    hooks?: OperationHooks,
  ): Promise<MaskedSecret>;
  revealShipKey(): Promise<string>;
  /** Resets XS4 Face's Authentication (API key); Space's Face recognition tab must then be updated. */
  resetAuthKey(hooks?: OperationHooks): Promise<GeneralOptionView[]>;

  loadInstallScript(source: { kind: 'face' } | { kind: 'file'; path: string }): Promise<ScriptInfo>;
  runInstallScript(sha256: string, hooks: OperationHooks): Promise<ScriptRunResult>;

  runChecks(ids: string[] | null, hooks: OperationHooks): Promise<CheckView[]>;
  applyFix(checkId: string, hooks: OperationHooks): Promise<CheckView>;
  undoFix(checkId: string, hooks: OperationHooks): Promise<CheckView>;

  generalOptions(): Promise<GeneralOptionView[]>;
  revealGeneralOption(label: string): Promise<string>;

  getEnrollment(): Promise<EnrollmentSettings | null>;
  /**
   * Checks the company name and the privacy policy at the given address first; writes them (read back) only when the
   * policy check does not fail, or with `acceptFailingPolicy: true` (the technician's decision, recorded as such).
   */
  saveEnrollment(
    settings: EnrollmentSettings & { acceptFailingPolicy?: boolean },
    hooks?: OperationHooks,
  ): Promise<EnrollmentSaveResult>;

  /**
   * Runs every check and writes an evidence bundle (redacted) into `outDir`, which must be empty. A folder that does
   * not exist is created only with `createFolder` (the technician agreed); otherwise PATH_FOLDER_MISSING, before any check.
   */
  collectBundle(
    outDir: string,
    hooks: OperationHooks,
    options?: { createFolder: boolean },
  ): Promise<{ path: string; checks: CheckView[] }>;

  /** The site's non-secret settings as a profile (for `setup --profile` elsewhere); `leftOut` says what could not be read. */
  siteProfile(): Promise<{ profile: SiteProfile; leftOut: string[] }>;

  /** Polls the Space integration status until Connected or the deadline; otherwise explains why with checks. */
  verify(deadlineMs: number, hooks: OperationHooks): Promise<VerifyResult>;
  /** The last verification's result (and whether the link was changed since) and a run still going on, as persisted. */
  verifyStatus(): Promise<VerifyStatus>;
  /** Follows the verification still running here (a page reloaded during it): its progress from now on, its result. */
  followVerify(hooks: OperationHooks): Promise<VerifyResult>;
}
