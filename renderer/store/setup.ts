// The setup wizard's state (zustand): where the technician is, what the core answered, what is running.
// Every action goes through window.xs4 (store/xs4.ts). Secrets are never kept here: reveal returns the value to the caller.
import { create } from 'zustand';
import type {
  CheckView,
  ConnectResult,
  DetectedSpace,
  EnrollmentSettings,
  GeneralOptionView,
  HistoryEntryView,
  IntegrationCard,
  MaskedSecret,
  ScriptInfo,
  ScriptRunResult,
  SetupProgress,
  SpaceDetails,
  VerifyResult,
} from '../../contract/setup-shapes';
import type { StepId } from '../../contract/steps';
import type { BundleView } from '../../contract/troubleshoot-channels';
import { cancelOperation, runOperation, type OperationView } from './operation';
import {
  CONFIGURABLE_INTEGRATIONS,
  ENROLLMENT_CHECKS,
  SPACE_SETTINGS_CHECKS,
  VERIFY_DEADLINE_MS,
} from './step-checks';
import {
  parsePort,
  validateCompanyName,
  validateHost,
  validateShipKey,
  validateUrl,
  type FieldError,
} from './validation';
import { toCallError, xs4, type CallError } from './xs4';

/** The wizard's order (a copy of StepIds: importing the value would pull zod into the page). */
export const STEPS = [
  'welcome',
  'connect',
  'integrations',
  'spaceDetails',
  'shipKey',
  'installScript',
  'spaceSettings',
  'faceRecognition',
  'enrollment',
  'verify',
  'summary',
] as const satisfies readonly StepId[];
// Fails to compile when the core adds a step this list does not show.
const _everyStepListed: Exclude<StepId, (typeof STEPS)[number]> extends never ? true : never = true;
void _everyStepListed;

export function nextStep(step: StepId): StepId {
  return STEPS[Math.min((STEPS as readonly StepId[]).indexOf(step) + 1, STEPS.length - 1)] ?? step;
}
export function previousStep(step: StepId): StepId {
  return STEPS[Math.max((STEPS as readonly StepId[]).indexOf(step) - 1, 0)] ?? step;
}

/** A certificate waiting for the technician's decision. */
export type PendingTrust = Extract<ConnectResult, { state: 'needs-trust' }>;

export interface SetupState {
  loaded: boolean;
  progress: SetupProgress | null;
  /** The step on screen. */
  step: StepId;
  /** Bumped on every step change: the step's heading takes focus when it changes. */
  focusKey: number;
  /** The action in flight, e.g. "connect"; buttons of the step disable while set. */
  busy: string | null;
  error: CallError | null;
  fieldErrors: FieldError[];

  connection: Extract<ConnectResult, { state: 'connected' }> | null;
  pendingTrust: PendingTrust | null;
  cards: IntegrationCard[];
  cardsLoaded: boolean;
  detected: DetectedSpace | null;
  details: SpaceDetails | null;
  shipKey: MaskedSecret | null;
  /** Set after a reset of the Authentication (API key): Space's Face recognition tab must be updated. */
  authKeyResetAt: string | null;
  script: ScriptInfo | null;
  scriptRun: ScriptRunResult | null;
  settingsChecks: CheckView[];
  generalOptions: GeneralOptionView[];
  enrollment: EnrollmentSettings | null;
  policyChecks: CheckView[];
  verifyResult: VerifyResult | null;
  troubleshootChecks: CheckView[];
  /** An evidence bundle opened in Troubleshoot (evaluated offline), shown instead of the live checks. */
  bundle: BundleView | null;
  /** Where the last report was written. */
  exportedReport: string | null;
  /** Folder of the evidence bundle last collected on this server. */
  collectedBundle: string | null;
  /** The applied-settings history (what the app changed), for the Summary. */
  history: HistoryEntryView[];
  operation: OperationView | null;
}

export interface SetupActions {
  load(): Promise<void>;
  goTo(step: StepId): Promise<void>;
  back(): Promise<void>;
  /** Marks the shown step done with a summary for the Summary step, then shows the next one. */
  complete(summary: string): Promise<void>;
  startOver(): Promise<void>;
  clearError(): void;

  connect(url: string, token: string): Promise<void>;
  trustCertificate(): Promise<void>;
  refuseCertificate(): void;

  refreshIntegrations(quiet?: boolean): Promise<void>;
  addIntegrations(kinds: string[]): Promise<void>;

  loadSpaceDetails(): Promise<void>;
  saveSpaceDetails(host: string, port: string, https: boolean): Promise<boolean>;

  loadShipKey(): Promise<void>;
  generateShipKey(): Promise<void>;
  enterShipKey(value: string): Promise<boolean>;
  revealShipKey(): Promise<string | null>;
  copyShipKey(): Promise<boolean>;
  resetAuthKey(): Promise<void>;

  loadScript(source: { kind: 'face' } | { kind: 'file'; path: string }): Promise<void>;
  runScript(): Promise<void>;

  runSettingsChecks(): Promise<void>;
  runAllChecks(): Promise<void>;
  applyFix(checkId: string): Promise<void>;
  undoFix(checkId: string): Promise<void>;

  loadGeneralOptions(): Promise<void>;
  revealGeneralOption(label: string): Promise<string | null>;
  copyGeneralOption(label: string): Promise<boolean>;

  loadEnrollment(): Promise<void>;
  saveEnrollment(companyName: string, privacyPolicyUrl: string): Promise<boolean>;

  verify(): Promise<void>;
  cancelOperation(): Promise<void>;
  loadHistory(): Promise<void>;
  openBundle(path: string): Promise<void>;
  closeBundle(): void;
  exportReport(path: string): Promise<void>;
  /** Runs every check here and writes a redacted evidence bundle into a new or empty folder. */
  collectBundle(path: string): Promise<void>;
}

export type SetupStore = SetupState & SetupActions;

export const initialSetupState: SetupState = {
  loaded: false,
  progress: null,
  step: 'welcome',
  focusKey: 0,
  busy: null,
  error: null,
  fieldErrors: [],
  connection: null,
  pendingTrust: null,
  cards: [],
  cardsLoaded: false,
  detected: null,
  details: null,
  shipKey: null,
  authKeyResetAt: null,
  script: null,
  scriptRun: null,
  settingsChecks: [],
  generalOptions: [],
  enrollment: null,
  policyChecks: [],
  verifyResult: null,
  troubleshootChecks: [],
  history: [],
  bundle: null,
  exportedReport: null,
  collectedBundle: null,
  operation: null,
};

/** Replaces one check (after a fix or undo) wherever a list shows it. */
function replaceCheck(list: CheckView[], updated: CheckView): CheckView[] {
  return list.map((c) => (c.id === updated.id ? updated : c));
}

export const useSetupStore = create<SetupStore>()((set, get) => {
  /**
   * Runs one action: marks it busy, clears the old error, and turns a rejection into the step's error
   * (an INVALID_INPUT naming a field also becomes that field's inline error). Returns undefined on failure.
   */
  async function act<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
    set({ busy: name, error: null, fieldErrors: [] });
    try {
      return await work();
    } catch (e) {
      const error = toCallError(e);
      const fieldErrors: FieldError[] =
        error.field !== undefined && error.rule !== undefined
          ? [{ field: error.field, rule: 'core', values: { text: error.rule } }]
          : [];
      set({ error, fieldErrors });
      return undefined;
    } finally {
      set({ busy: null });
    }
  }

  /** Client-side rule checks; true when the form may be sent. */
  function validated(errors: Array<FieldError | null>): boolean {
    const fieldErrors = errors.filter((e): e is FieldError => e !== null);
    set({ fieldErrors, error: null });
    return fieldErrors.length === 0;
  }

  const showProgress = (progress: SetupProgress): void =>
    set((s) => ({
      progress,
      step: progress.current,
      focusKey: s.focusKey + 1,
      error: null,
      fieldErrors: [],
    }));

  const operation = (op: OperationView): void => set({ operation: op });

  async function checks(kind: string, ids: string[] | null): Promise<CheckView[] | undefined> {
    return act(kind, () =>
      runOperation(kind, operation, (operationId) => xs4().setup.runChecks({ operationId, ids })),
    );
  }

  async function fix(kind: 'fix' | 'undo', checkId: string): Promise<void> {
    const updated = await act(kind, () =>
      runOperation(kind, operation, (operationId) =>
        kind === 'fix'
          ? xs4().setup.applyFix({ operationId, checkId, confirmed: true })
          : xs4().setup.undoFix({ operationId, checkId, confirmed: true }),
      ),
    );
    if (updated === undefined) return;
    set((s) => ({
      settingsChecks: replaceCheck(s.settingsChecks, updated),
      policyChecks: replaceCheck(s.policyChecks, updated),
      troubleshootChecks: replaceCheck(s.troubleshootChecks, updated),
      verifyResult:
        s.verifyResult === null
          ? null
          : { ...s.verifyResult, diagnosis: replaceCheck(s.verifyResult.diagnosis, updated) },
    }));
  }

  return {
    ...initialSetupState,

    async load() {
      const progress = await act('load', () => xs4().setup.progress());
      if (progress !== undefined) showProgress(progress);
      set({ loaded: true });
    },

    async goTo(step) {
      const { step: from } = get();
      if (step === from) return;
      // Moving is recorded without a summary, so the step keeps its done/undone state.
      const progress = await act('navigate', () =>
        xs4().setup.markStep({ step: from, summary: null, next: step }),
      );
      if (progress !== undefined) showProgress(progress);
    },

    async back() {
      await get().goTo(previousStep(get().step));
    },

    async complete(summary) {
      const { step } = get();
      const progress = await act('complete', () =>
        xs4().setup.markStep({ step, summary, next: nextStep(step) }),
      );
      if (progress !== undefined) showProgress(progress);
    },

    async startOver() {
      const progress = await act('startOver', () => xs4().setup.resetProgress());
      if (progress !== undefined) {
        set({ ...initialSetupState, loaded: true, focusKey: get().focusKey });
        showProgress(progress);
      }
    },

    clearError() {
      set({ error: null, fieldErrors: [] });
    },

    async connect(url, token) {
      if (!validated([validateUrl('url', url, false)])) return;
      const result = await act('connect', () =>
        xs4().setup.connectFace({ url: url.trim(), token: token === '' ? null : token }),
      );
      if (result === undefined) return;
      if (result.state === 'connected') set({ connection: result, pendingTrust: null });
      else set({ pendingTrust: result, connection: null });
    },

    async trustCertificate() {
      const pending = get().pendingTrust;
      if (pending === null) return;
      const result = await act('trust', () =>
        xs4().setup.trustFaceCertificate({
          url: pending.url,
          fingerprint256: pending.certificate.fingerprint256,
        }),
      );
      if (result === undefined) return;
      if (result.state === 'connected') set({ connection: result, pendingTrust: null });
      else set({ pendingTrust: result });
    },

    refuseCertificate() {
      set({ pendingTrust: null, connection: null, error: { code: 'CERT_REFUSED', message: '', remedy: '' } });
    },

    async refreshIntegrations(quiet = false) {
      if (quiet) {
        // Background refresh: a failure shows on the next explicit refresh, it does not replace the step's error.
        try {
          set({ cards: await xs4().setup.listIntegrations(), cardsLoaded: true });
        } catch {
          /* kept: the cards on screen stay as last read, with their "last checked" time */
        }
        return;
      }
      const cards = await act('integrations', () => xs4().setup.listIntegrations());
      if (cards !== undefined) set({ cards, cardsLoaded: true });
    },

    async addIntegrations(kinds) {
      const known = new Set(CONFIGURABLE_INTEGRATIONS.map((i) => i.kind));
      const chosen = kinds.filter((k) => known.has(k));
      if (chosen.length === 0) return;
      const cards = await act('addIntegrations', () => xs4().setup.addIntegrations({ kinds: chosen }));
      if (cards !== undefined) set({ cards, cardsLoaded: true });
    },

    async loadSpaceDetails() {
      await act('loadDetails', async () => {
        const [detected, details] = await Promise.all([
          xs4().setup.detectSpace(),
          xs4().setup.getSpaceDetails(),
        ]);
        set({ detected, details });
      });
    },

    async saveSpaceDetails(host, portRaw, https) {
      const port = parsePort('port', portRaw);
      if (!validated([validateHost('host', host), 'field' in port ? port : null]) || 'field' in port)
        return false;
      const saved = await act('saveDetails', () =>
        xs4().setup.saveSpaceDetails({ host: host.trim(), port: port.port, https }),
      );
      if (saved === undefined) return false;
      set({ details: saved });
      return true;
    },

    async loadShipKey() {
      const shipKey = await act('loadShipKey', () => xs4().setup.shipKey());
      if (shipKey !== undefined) set({ shipKey });
    },

    async generateShipKey() {
      const shipKey = await act('generateShipKey', () => xs4().setup.setShipKey({ generate: true }));
      if (shipKey !== undefined) set({ shipKey });
    },

    async enterShipKey(value) {
      if (!validated([validateShipKey('shipKey', value)])) return false;
      const shipKey = await act('enterShipKey', () => xs4().setup.setShipKey({ value }));
      if (shipKey === undefined) return false;
      set({ shipKey });
      return true;
    },

    async revealShipKey() {
      return (await act('reveal', () => xs4().setup.revealShipKey({ userAction: true }))) ?? null;
    },

    async copyShipKey() {
      return (await act('copy', () => xs4().clipboard.copySecret({ kind: 'shipKey' }))) === null;
    },

    async resetAuthKey() {
      const generalOptions = await act('resetAuthKey', () => xs4().setup.resetAuthKey({ confirmed: true }));
      if (generalOptions !== undefined) set({ generalOptions, authKeyResetAt: new Date().toISOString() });
    },

    async loadScript(source) {
      if (source.kind === 'file' && source.path.trim() === '') {
        validated([{ field: 'scriptPath', rule: 'required' }]);
        return;
      }
      const script = await act('loadScript', () =>
        xs4().setup.loadInstallScript(
          source.kind === 'file' ? { kind: 'file', path: source.path.trim() } : source,
        ),
      );
      if (script !== undefined) set({ script, scriptRun: null });
    },

    async runScript() {
      const script = get().script;
      if (script === null) return;
      const result = await act('runScript', () =>
        runOperation('installScript', operation, (operationId) =>
          xs4().setup.runInstallScript({ operationId, sha256: script.sha256 }),
        ),
      );
      if (result !== undefined) set({ scriptRun: result });
    },

    async runSettingsChecks() {
      const list = await checks('checks', [...SPACE_SETTINGS_CHECKS]);
      if (list !== undefined) set({ settingsChecks: list });
    },

    async runAllChecks() {
      const list = await checks('checks', null);
      if (list !== undefined) set({ troubleshootChecks: list });
    },

    applyFix: (checkId) => fix('fix', checkId),
    undoFix: (checkId) => fix('undo', checkId),

    async loadGeneralOptions() {
      const generalOptions = await act('loadGeneralOptions', () => xs4().setup.generalOptions());
      if (generalOptions !== undefined) set({ generalOptions });
    },

    async revealGeneralOption(label) {
      return (
        (await act('reveal', () => xs4().setup.revealGeneralOption({ label, userAction: true }))) ?? null
      );
    },

    async copyGeneralOption(label) {
      return (await act('copy', () => xs4().clipboard.copySecret({ kind: 'generalOption', label }))) === null;
    },

    async loadEnrollment() {
      const enrollment = await act('loadEnrollment', () => xs4().setup.getEnrollment());
      if (enrollment !== undefined) set({ enrollment });
    },

    async saveEnrollment(companyName, privacyPolicyUrl) {
      if (
        !validated([
          validateCompanyName('companyName', companyName),
          validateUrl('privacyPolicyUrl', privacyPolicyUrl, true),
        ])
      )
        return false;
      const saved = await act('saveEnrollment', () =>
        xs4().setup.saveEnrollment({
          companyName: companyName.trim(),
          privacyPolicyUrl: privacyPolicyUrl.trim(),
        }),
      );
      if (saved === undefined) return false;
      set({ enrollment: saved });
      const list = await checks('policyCheck', [...ENROLLMENT_CHECKS]);
      if (list !== undefined) set({ policyChecks: list });
      return true;
    },

    async verify() {
      const result = await act('verify', () =>
        runOperation('verify', operation, (operationId) =>
          xs4().setup.verify({ operationId, deadlineMs: VERIFY_DEADLINE_MS }),
        ),
      );
      if (result !== undefined) set({ verifyResult: result });
    },

    async loadHistory() {
      const history = await act('history', () => xs4().history.list());
      if (history !== undefined) set({ history });
    },

    async openBundle(path) {
      if (path.trim() === '') {
        validated([{ field: 'bundlePath', rule: 'required' }]);
        return;
      }
      const bundle = await act('openBundle', () => xs4().troubleshoot.openBundle({ path: path.trim() }));
      if (bundle !== undefined) set({ bundle, exportedReport: null });
    },

    closeBundle() {
      set({ bundle: null, exportedReport: null, error: null });
    },

    async exportReport(path) {
      const p = path.trim();
      if (p === '') {
        validated([{ field: 'reportPath', rule: 'required' }]);
        return;
      }
      if (!/\.html?$/i.test(p)) {
        validated([{ field: 'reportPath', rule: 'htmlFile' }]);
        return;
      }
      const source = get().bundle !== null ? 'bundle' : 'live';
      const written = await act('exportReport', () => xs4().troubleshoot.exportReport({ source, path: p }));
      if (written !== undefined) set({ exportedReport: written.path });
    },

    async collectBundle(path) {
      const p = path.trim();
      if (p === '') {
        validated([{ field: 'collectPath', rule: 'required' }]);
        return;
      }
      const out = await act('collectBundle', () =>
        runOperation('collectBundle', operation, (operationId) =>
          xs4().setup.collectBundle({ operationId, path: p }),
        ),
      );
      if (out !== undefined) set({ collectedBundle: out.path, troubleshootChecks: out.checks, bundle: null });
    },

    async cancelOperation() {
      const op = get().operation;
      if (op === null || !op.running) return;
      set({ operation: { ...op, cancelRequested: true } });
      try {
        await cancelOperation(op);
      } catch (e) {
        set({ error: toCallError(e) });
      }
    },
  };
});
