// The setup wizard's slice: where the technician is, what the core answered for each step. Every action goes through
// window.xs4. Secrets are never kept here: reveal returns the value to the caller.
import type { StateCreator } from 'zustand';
import type {
  CheckView,
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
import { nextStep, previousStep, type StepId } from '../../contract/steps';
import { xs4 } from '../bridge/xs4';
import { activity, initialActivity } from './activity';
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
  validatePath,
  validateShipKey,
  validateUrl,
} from './validation';
import { initialTroubleshoot } from './troubleshoot';
import { initialConnect } from './connect';
import { initialPending } from './pending';
import { initialSpaceTrust } from './space-trust';
import type { SetupStore } from './setup';

export interface WizardState {
  loaded: boolean;
  progress: SetupProgress | null;
  /** The step on screen. */
  step: StepId;
  /** Bumped on every step change: the step's heading takes focus when it changes. */
  focusKey: number;

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
  /** The applied-settings history (what the app changed), for the Summary. */
  history: HistoryEntryView[];
}

export interface WizardActions {
  load(): Promise<void>;
  goTo(step: StepId): Promise<void>;
  back(): Promise<void>;
  /** Marks the shown step done with a summary for the Summary step, then shows the next one. */
  complete(summary: string): Promise<void>;
  startOver(): Promise<void>;

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

  loadGeneralOptions(): Promise<void>;
  revealGeneralOption(label: string): Promise<string | null>;
  copyGeneralOption(label: string): Promise<boolean>;

  loadEnrollment(): Promise<void>;
  saveEnrollment(companyName: string, privacyPolicyUrl: string): Promise<boolean>;

  verify(): Promise<void>;
  loadHistory(): Promise<void>;
}

export const initialWizard: WizardState = {
  loaded: false,
  progress: null,
  step: 'welcome',
  focusKey: 0,
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
  history: [],
};

export const createWizardSlice: StateCreator<SetupStore, [], [], WizardState & WizardActions> = (
  set,
  get,
) => {
  const { act, validated, operate } = activity(set);

  // A write left pending belongs to the step that wrote it: another step starts without its panel.
  const showProgress = (progress: SetupProgress): void =>
    set((s) => ({
      progress,
      step: progress.current,
      focusKey: s.focusKey + 1,
      error: null,
      fieldErrors: [],
      ...(progress.current !== s.step ? initialPending : {}),
    }));

  return {
    ...initialWizard,

    async load() {
      const progress = await act('load', () => xs4().setup.progress());
      if (progress !== undefined) showProgress(progress);
      set({ loaded: true });
      // Who is signed in and which XS4 Face server was chosen: every step after Connect shows them.
      if (progress !== undefined) await get().loadSignIn();
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
        set({
          ...initialActivity,
          ...initialWizard,
          ...initialConnect,
          ...initialPending,
          ...initialTroubleshoot,
          ...initialSpaceTrust,
          loaded: true,
          focusKey: get().focusKey,
        });
        showProgress(progress);
      }
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
      const cards = await operate('addIntegrations', 'write', (operationId) =>
        xs4().setup.addIntegrations({ operationId, kinds: chosen }),
      );
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
      const saved = await operate('saveDetails', 'write', (operationId) =>
        xs4().setup.saveSpaceDetails({ operationId, host: host.trim(), port: port.port, https }),
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
      const shipKey = await operate('generateShipKey', 'write', (operationId) =>
        xs4().setup.setShipKey({ operationId, generate: true }),
      );
      if (shipKey !== undefined) set({ shipKey });
    },

    async enterShipKey(value) {
      if (!validated([validateShipKey('shipKey', value)])) return false;
      const shipKey = await operate('enterShipKey', 'write', (operationId) =>
        xs4().setup.setShipKey({ operationId, value }),
      );
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
      const generalOptions = await operate('resetAuthKey', 'write', (operationId) =>
        xs4().setup.resetAuthKey({ operationId, confirmed: true }),
      );
      if (generalOptions !== undefined) set({ generalOptions, authKeyResetAt: new Date().toISOString() });
    },

    async loadScript(source) {
      if (source.kind === 'file' && !validated([validatePath('scriptPath', source.path)])) return;
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
      const result = await operate('runScript', 'installScript', (operationId) =>
        xs4().setup.runInstallScript({ operationId, sha256: script.sha256 }),
      );
      if (result !== undefined) set({ scriptRun: result });
    },

    async runSettingsChecks() {
      const list = await operate('checks', 'checks', (operationId) =>
        xs4().setup.runChecks({ operationId, ids: [...SPACE_SETTINGS_CHECKS] }),
      );
      if (list !== undefined) set({ settingsChecks: list });
    },

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
      const saved = await operate('saveEnrollment', 'write', (operationId) =>
        xs4().setup.saveEnrollment({
          operationId,
          companyName: companyName.trim(),
          privacyPolicyUrl: privacyPolicyUrl.trim(),
        }),
      );
      if (saved === undefined) return false;
      set({ enrollment: saved });
      const list = await operate('policyCheck', 'policyCheck', (operationId) =>
        xs4().setup.runChecks({ operationId, ids: [...ENROLLMENT_CHECKS] }),
      );
      if (list !== undefined) set({ policyChecks: list });
      return true;
    },

    async verify() {
      const result = await operate('verify', 'verify', (operationId) =>
        xs4().setup.verify({ operationId, deadlineMs: VERIFY_DEADLINE_MS }),
      );
      if (result !== undefined) set({ verifyResult: result });
    },

    async loadHistory() {
      const history = await act('history', () => xs4().history.list());
      if (history !== undefined) set({ history });
    },
  };
};
