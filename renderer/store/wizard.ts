// The setup wizard's slice: where the technician is, what the core answered for each step. Every action goes through
// window.xs4. Secrets are never kept here: reveal returns the value to the caller.
import type { Text } from '../../contract/text';
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
  VerifyStatus,
} from '../../contract/setup-shapes';
import { nextStep, previousStep, type StepId } from '../../contract/steps';
import { toCallError } from '../bridge/errors';
import { xs4 } from '../bridge/xs4';
import { activity, initialActivity } from './activity';
import { CONFIGURABLE_INTEGRATIONS, SPACE_SETTINGS_CHECKS, VERIFY_DEADLINE_MS } from './step-checks';
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
import { initialPending, settingsChecksAfter } from './pending';
import { initialSpaceTrust } from './space-trust';
import type { SetupStore } from './setup';

/** What the technician typed into a step's form and has not saved: kept while other steps are read. */
export interface Drafts {
  spaceDetails: { host: string; port: string; https: boolean } | null;
  enrollment: { companyName: string; privacyPolicyUrl: string } | null;
}

export interface WizardState {
  loaded: boolean;
  progress: SetupProgress | null;
  /** The step on screen. */
  step: StepId;
  /** Bumped on every step change: the step's heading takes focus when it changes. */
  focusKey: number;

  cards: IntegrationCard[];
  cardsLoaded: boolean;
  /** The last background refresh of the cards failed (shown quietly; the cards stay as last read). */
  cardsRefreshFailed: { at: string; message: string } | null;
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
  /** Values the core did not save because their policy check failed (the technician may still decide to save them). */
  policyRefused: EnrollmentSettings | null;
  /** Set when the key XS4 Face held was replaced: Space's SHIP tab must get the new one. */
  shipKeyReplacedAt: string | null;
  verifyResult: VerifyResult | null;
  /** What the core kept of the Verify step: the last result (when, stale or not) and a run still going on. */
  verifyStatus: VerifyStatus | null;
  /** The applied-settings history (what the app changed), for the Summary. */
  history: HistoryEntryView[];
  drafts: Drafts;
}

export interface WizardActions {
  load(): Promise<void>;
  goTo(step: StepId): Promise<void>;
  back(): Promise<void>;
  /** Marks the shown step done with a summary for the Summary step, then shows the next one. */
  /** Marks the step done with what it did, as a sentence of the page's catalogs (said again in any language). */
  complete(summary: Text): Promise<void>;
  startOver(): Promise<void>;

  refreshIntegrations(quiet?: boolean): Promise<void>;
  addIntegrations(kinds: string[]): Promise<void>;

  loadSpaceDetails(): Promise<void>;
  saveSpaceDetails(host: string, port: string, https: boolean): Promise<boolean>;

  loadShipKey(): Promise<void>;
  /**
   * Generates or takes a key and writes it. A different key XS4 Face holds is replaced only with `replace`; without it
   * the core refuses and the answer is `{ replaces }`, the fingerprint of the key held, for the step to ask first.
   */
  generateShipKey(replace?: boolean): Promise<ShipKeyOutcome>;
  enterShipKey(value: string, replace?: boolean): Promise<ShipKeyOutcome>;
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
  /** Checks the policy, then saves; false when nothing was saved (a failing policy without `acceptFailingPolicy`). */
  saveEnrollment(
    companyName: string,
    privacyPolicyUrl: string,
    acceptFailingPolicy?: boolean,
  ): Promise<boolean>;

  verify(): Promise<void>;
  /** Reads what the core kept of the Verify step (after a reload or a restart). */
  loadVerifyStatus(): Promise<void>;
  /** Follows the verification still running in the core (the page was reloaded during it). */
  followVerify(): Promise<void>;
  loadHistory(): Promise<void>;
  /** Keeps (or, with null, drops) what a step's form holds unsaved, so a visit to another step does not lose it. */
  keepDraft<K extends keyof Drafts>(step: K, draft: Drafts[K]): void;
}

/** How a SHIP key write ended: written, refused until the technician confirms the replacement, or failed (shown). */
export type ShipKeyOutcome = 'saved' | { replaces: string } | 'failed';

export const initialWizard: WizardState = {
  loaded: false,
  progress: null,
  step: 'welcome',
  focusKey: 0,
  cards: [],
  cardsLoaded: false,
  cardsRefreshFailed: null,
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
  policyRefused: null,
  shipKeyReplacedAt: null,
  verifyResult: null,
  verifyStatus: null,
  history: [],
  drafts: { spaceDetails: null, enrollment: null },
};

/** The SHIP key after a write; Space settings' SHIP check ran with the old one, so a new key runs them again. */
function keyState(shipKey: MaskedSecret): (s: SetupStore) => Partial<SetupStore> {
  return (s) => ({
    shipKey,
    ...(s.shipKey?.fingerprint !== shipKey.fingerprint ? { settingsChecks: [] } : {}),
  });
}

export const createWizardSlice: StateCreator<SetupStore, [], [], WizardState & WizardActions> = (
  set,
  get,
) => {
  const { act, validated, operate } = activity(set, get);

  /** A SHIP key write; the core's refusal to replace a different key without confirmation is a question, not an error. */
  const writeShipKey = async (
    busy: 'generateShipKey' | 'enterShipKey',
    replace: boolean,
    call: (operationId: string) => Promise<MaskedSecret>,
  ): Promise<ShipKeyOutcome> => {
    let replaces: string | null = null;
    const shipKey = await operate(busy, 'write', call, (error) => {
      if (error.code !== 'SHIP_KEY_REPLACE_UNCONFIRMED') return false;
      replaces = String(error.params?.fingerprint ?? '');
      return true;
    });
    if (replaces !== null) return { replaces };
    if (shipKey === undefined) return 'failed';
    set(keyState(shipKey));
    if (replace) set({ shipKeyReplacedAt: new Date().toISOString() });
    return 'saved';
  };

  // A write that needs the technician (left pending, sent without an answer) stays with the step that wrote it and is
  // shown there again on return; how an earlier one ended is not repeated on another visit. An operation that failed
  // while the technician read another step shows its failure on its own step.
  const showProgress = (progress: SetupProgress): void =>
    set((s) => {
      const moved = progress.current !== s.step;
      const back = s.attention !== null && s.attention.step === progress.current ? s.attention : null;
      return {
        progress,
        step: progress.current,
        focusKey: s.focusKey + 1,
        error: back?.error ?? null,
        fieldErrors: [],
        ...(back !== null ? { attention: null } : {}),
        ...(moved ? { pendingOutcome: null, writeOutcome: null } : {}),
      };
    });

  /** A verification that ended here: its result, as the core now keeps it. */
  const verified = (result: VerifyResult): void =>
    set({
      verifyResult: result,
      verifyStatus: { running: null, last: { at: new Date().toISOString(), result, stale: false } },
    });

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
        // Background refresh: a failure is said quietly beside the cards (they stay as last read, with their "last
        // checked" time); it does not replace the step's error or block anything.
        try {
          set({ cards: await xs4().setup.listIntegrations(), cardsLoaded: true, cardsRefreshFailed: null });
        } catch (e) {
          set({ cardsRefreshFailed: { at: new Date().toISOString(), message: toCallError(e).message } });
        }
        return;
      }
      const cards = await act('integrations', () => xs4().setup.listIntegrations());
      if (cards !== undefined) set({ cards, cardsLoaded: true, cardsRefreshFailed: null });
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
      set((s) => ({ details: saved, ...settingsChecksAfter(s.details, saved) }));
      return true;
    },

    async loadShipKey() {
      const shipKey = await act('loadShipKey', () => xs4().setup.shipKey());
      if (shipKey !== undefined) set({ shipKey });
    },

    async generateShipKey(replace = false) {
      return writeShipKey('generateShipKey', replace, (operationId) =>
        xs4().setup.setShipKey({ operationId, generate: true, ...(replace ? { replace: true } : {}) }),
      );
    },

    async enterShipKey(value, replace = false) {
      if (!validated([validateShipKey('shipKey', value)])) return 'failed';
      return writeShipKey('enterShipKey', replace, (operationId) =>
        xs4().setup.setShipKey({ operationId, value, ...(replace ? { replace: true } : {}) }),
      );
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

    async saveEnrollment(companyName, privacyPolicyUrl, acceptFailingPolicy = false) {
      if (
        !validated([
          validateCompanyName('companyName', companyName),
          validateUrl('privacyPolicyUrl', privacyPolicyUrl, true),
        ])
      )
        return false;
      const wanted = { companyName: companyName.trim(), privacyPolicyUrl: privacyPolicyUrl.trim() };
      // The results of the last save go: this save checks the policy again, and a write that fails shows its error
      // alone, never under a Pass that belongs to what was saved before.
      set({ policyRefused: null, policyChecks: [] });
      // One write: the core checks the policy at this address first (a stage of the write panel) and writes only if it
      // may; as a write, a send left without an answer can be checked ("Check what XS4 Face holds").
      const result = await operate('saveEnrollment', 'write', (operationId) =>
        xs4().setup.saveEnrollment({
          operationId,
          ...wanted,
          ...(acceptFailingPolicy ? { acceptFailingPolicy: true } : {}),
        }),
      );
      if (result === undefined) return false;
      if (!result.saved) {
        set({ policyChecks: result.checks, policyRefused: wanted });
        return false;
      }
      set({ enrollment: result.enrollment, policyChecks: result.checks });
      return true;
    },

    async verify() {
      // Started here: what was running before (a reload) is replaced by this run, and the last result goes with it,
      // so a run that fails never shows its error above an earlier "Connected".
      set((s) => ({
        verifyResult: null,
        verifyStatus: s.verifyStatus === null ? null : { ...s.verifyStatus, running: null },
      }));
      const result = await operate('verify', 'verify', (operationId) =>
        xs4().setup.verify({ operationId, deadlineMs: VERIFY_DEADLINE_MS }),
      );
      if (result !== undefined) verified(result);
    },

    async loadVerifyStatus() {
      const status = await act('verifyStatus', () => xs4().setup.verifyStatus());
      if (status !== undefined) set({ verifyStatus: status, verifyResult: status.last?.result ?? null });
    },

    async followVerify() {
      set((s) => ({ verifyStatus: s.verifyStatus === null ? null : { ...s.verifyStatus, running: null } }));
      let ended = false;
      const result = await operate(
        'verify',
        'verify',
        (operationId) => xs4().setup.followVerify({ operationId }),
        // It ended between the reload and Resume: its result (or its end) is what the core kept.
        (e) => (ended = e.code === 'SETUP_VERIFY_NOT_RUNNING'),
      );
      if (result !== undefined) verified(result);
      else if (ended) await get().loadVerifyStatus();
    },

    keepDraft(step, draft) {
      set((s) => ({ drafts: { ...s.drafts, [step]: draft } }));
    },

    async loadHistory() {
      const history = await act('history', () => xs4().history.list());
      if (history !== undefined) set({ history });
    },
  };
};
