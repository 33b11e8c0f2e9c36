// The setup flow's operations, one method per thing a wizard step or `xs4-setup setup` does. The GUI's IPC handlers and the CLI both call this.
import type {
  CheckView,
  ConnectResult,
  DetectedSpace,
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
} from '../../../contract/setup-shapes';
import type { StepId } from '../../../contract/steps';
import type { SiteProfile } from '../profile/site-profile';
import type { ServerChoice, ServerChoices } from '../face/server-choices';
import type { PendingProgress } from '../face/face-client';

export interface OperationHooks {
  signal?: AbortSignal;
  onProgress?: (message: string, fraction: number | null) => void;
  onLogLine?: (line: string) => void;
  /** Told before each poll while an XS4 Face write of this operation is accepted but not yet applied. */
  onPending?: (p: PendingProgress) => void;
}

export interface SetupService {
  /** Where the wizard stands (persisted). */
  progress(): Promise<SetupProgress>;
  /** Marks a step done (or moves to a step) and persists it. */
  markStep(step: StepId, summary: string | null, next: StepId): Promise<SetupProgress>;
  /** Forgets wizard progress (not the history). */
  resetProgress(): Promise<SetupProgress>;

  /** Connect to XS4 Face with the stored token; reports the certificate when it needs the technician's trust. */
  connectFace(url: string, token: string | null): Promise<ConnectResult>;
  /** Pins the fingerprint the technician accepted, then connects. */
  trustFaceCertificate(url: string, fingerprint256: string): Promise<ConnectResult>;

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
  /** Generates 32 random letters and digits, or stores the given key; writes it to XS4 Face and verifies by fingerprint. */
  setShipKey(key: { generate: true } | { value: string }, hooks?: OperationHooks): Promise<MaskedSecret>;
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
  saveEnrollment(settings: EnrollmentSettings, hooks?: OperationHooks): Promise<EnrollmentSettings>;

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
}
