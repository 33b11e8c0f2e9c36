// The setup flow over the real parts: XS4 Face client, checks engine, Windows layer, history. GUI and CLI share it.
import * as os from 'node:os';
import { AppError, invalidInput, toErrorInfo } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { HistoryStore } from '../history/history-store';
import type { NewHistoryEntry } from '../history/history-entry';
import {
  createFaceClient,
  faceApiEndpoint,
  selectServer,
  type FaceClient,
  type FaceTarget,
} from '../face/face-client';
import { inspectFaceCertificate } from '../face/face-trust';
import { staticTokenProvider, type TokenProvider } from '../face/token-provider';
import type { PendingProgress } from '../face/face-client';
import { secretFingerprint } from '../face/secret-fingerprint';
import { normaliseFingerprint } from '../net/certificate';
import { validateHost, validatePort } from '../net/endpoint';
import { validateShipKey } from '../space/ship-client';
import { runChecks as runEngine } from '../checks/runner';
import type { CheckRunRecord as RunRecord } from '../checks/run-result';
import type { Check, CheckContext, CheckInputs } from '../checks/types';
import type { WindowsCheckDeps } from '../checks/windows/index';
import { spaceServerDetails } from '../checks/windows/index';
import type { SpaceEvidence } from '../checks/windows/space-evidence';
import { prepareInstallScript, runInstallScript, type InstallScriptInfo } from '../windows/install-script';
import type { ChangeRecord } from '../windows/change-record';
import { SPACE_ASSUMPTIONS } from '../windows/space-assumptions';
import {
  EnrollmentSettingsSchema,
  type CheckView,
  type ConnectResult,
  type DetectedSpace,
  type EnrollmentSettings,
  type GeneralOptionView,
  type IntegrationCard,
  type MaskedSecret,
  type ScriptInfo,
  type ScriptRunResult,
  type SpaceDetails,
  type StepId,
  type VerifyResult,
} from './schemas';
import type { OperationHooks, SetupService } from './service';
import { SetupStateFile, initialProgress } from './setup-state';
import { chooseFaceServer } from './face-choice';
import { consoleStatusName } from '../face/status-names';
import { listServerChoices } from '../face/server-choices';
import { generateShipKey } from './ship-key';
import { writeBundle } from '../evidence/bundle-writer';
import { resolve as resolvePath } from 'node:path';
import { hostname } from 'node:os';
import { PROFILE_FORMAT, PROFILE_VERSION, validateProfile, type SiteProfile } from '../profile/site-profile';

export interface SetupServiceDeps {
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  history: HistoryStore;
  /** Every check the product has, built on `windows`. */
  checks: (windows: WindowsCheckDeps) => Check[];
  windows: WindowsCheckDeps;
  platform: NodeJS.Platform;
  now: () => Date;
  /** Extra CA certificates (PEM) trusted besides the system store, e.g. a site's internal CA. */
  extraCa?: string[];
  timeouts?: { requestMs?: number; checkMs?: number; scriptMs?: number; pollMs?: number };
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Recorded in evidence bundles. */
  toolVersion?: string;
  /** A signed-in token provider for this XS4 Face URL (Microsoft sign-in), or null when nobody is signed in for it. */
  faceTokenProvider?: (faceUrl: string) => Promise<TokenProvider | null>;
  /** Told while an XS4 Face write is accepted but not yet applied by the on-site server. */
  onFacePending?: (p: PendingProgress) => void;
  /** Stops XS4 Face requests and pending waits (the CLI's Ctrl+C). */
  signal?: AbortSignal;
  /** How long a write may stay pending before FACE_WRITE_PENDING (the client's default otherwise). */
  facePendingDeadlineMs?: number;
}

/** The checks that explain why the Space integration is not Connected, in the order a technician should look. */
const DIAGNOSIS_CHECKS = [
  'face.space-integration',
  'space.https',
  'space.ship',
  'space.service',
  'firewall.space-port',
  'power.sleep',
];

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    // A cancel that came while a request was running must not be missed: 'abort' has already fired.
    if (signal?.aborted) {
      reject(new AppError('CANCELLED', 'The operation was cancelled.', 'Start it again when ready.'));
      return;
    }
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new AppError('CANCELLED', 'The operation was cancelled.', 'Start it again when ready.'));
      },
      { once: true },
    );
  });

function hostPort(url: string): string {
  const ep = faceApiEndpoint(url);
  return `${ep.host}:${ep.port}`;
}

function notConnected(): AppError {
  return new AppError(
    'SETUP_FACE_NOT_CONNECTED',
    'The app is not connected to an XS4 Face server yet.',
    'Go back to "Connect to XS4 Face" and connect first.',
  );
}

export function createSetupService(deps: SetupServiceDeps): SetupService {
  const state = new SetupStateFile(deps.dataDir);
  const requestMs = deps.timeouts?.requestMs ?? 15_000;
  const checkMs = deps.timeouts?.checkMs ?? 10_000;
  const sleep = deps.sleep ?? defaultSleep;
  const lastEvidence = new Map<string, unknown>();

  const record = async (entry: NewHistoryEntry, secrets: string[] = []): Promise<void> => {
    await deps.history.append(entry, secrets);
  };

  /** The Windows side reports its changes in its own shape; they land in the same history. */
  const recordWindowsChange = async (c: ChangeRecord): Promise<void> => {
    const kind = c.action === 'run' ? 'script-run' : c.action === 'undo' ? 'undo' : 'fix';
    await record({
      kind,
      target: c.target,
      before: c.before,
      after: c.after,
      result: { ok: c.result === 'applied', summary: c.summary, code: c.result },
      ...(c.undoData !== undefined ? { undoData: c.undoData } : {}),
    });
  };
  const windows: WindowsCheckDeps = { ...deps.windows, recordChange: recordWindowsChange };
  const checks = (): Check[] => deps.checks(windows);

  async function faceSession(): Promise<{ client: FaceClient; target: FaceTarget; url: string }> {
    const settings = await deps.settings.get();
    const s = await state.read();
    if (!settings.faceServerUrl || !s.face) throw notConnected();
    return { client: await clientFor(settings.faceServerUrl), target: s.face, url: settings.faceServerUrl };
  }

  async function clientFor(url: string, signal?: AbortSignal): Promise<FaceClient> {
    // A Microsoft sign-in for this server wins over a pasted token; the pasted token stays for unattended use.
    const signedIn = await deps.faceTokenProvider?.(url);
    const token = signedIn ? null : await deps.secrets.get('faceToken');
    if (!signedIn && !token) {
      throw new AppError(
        'FACE_NO_TOKEN',
        'No sign-in token for the XS4 Face server is stored.',
        'Sign in to the XS4 Face Console, paste the access token in "Connect to XS4 Face" and connect again.',
      );
    }
    const pins = (await deps.settings.get()).pinnedFingerprints;
    const cancel = signal ?? deps.signal;
    return createFaceClient({
      baseUrl: url,
      tokenProvider: signedIn ?? staticTokenProvider(token!),
      pinnedFingerprint256: pins[hostPort(url)],
      extraCa: deps.extraCa,
      timeoutMs: requestMs,
      ...(cancel ? { signal: cancel } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ...(deps.onFacePending ? { onPending: deps.onFacePending } : {}),
      ...(deps.facePendingDeadlineMs !== undefined ? { pendingDeadlineMs: deps.facePendingDeadlineMs } : {}),
    });
  }

  async function spaceInputs(): Promise<
    Pick<CheckInputs, 'spaceUrl' | 'spacePinnedFingerprint256' | 'shipKey'>
  > {
    const out: Pick<CheckInputs, 'spaceUrl' | 'spacePinnedFingerprint256' | 'shipKey'> = {};
    // What XS4 Face holds; when it cannot be read (server down, token expired), the details last seen, so Space's own
    // checks still run while XS4 Face is the problem.
    const details = await service.getSpaceDetails().catch(async () => (await state.read()).lastSpace ?? null);
    if (details) {
      const host = details.host.includes(':') ? `[${details.host}]` : details.host;
      out.spaceUrl = `${details.https ? 'https' : 'http'}://${host}:${details.port}/`;
      const pin = (await deps.settings.get()).pinnedFingerprints[`${details.host}:${details.port}`];
      if (pin) out.spacePinnedFingerprint256 = pin;
    }
    const key = await deps.secrets.get('shipApiKey');
    if (key) out.shipKey = key;
    return out;
  }

  async function rememberSpace(details: SpaceDetails): Promise<void> {
    const last = (await state.read()).lastSpace;
    if (last?.host !== details.host || last.port !== details.port || last.https !== details.https) {
      await state.update((st) => void (st.lastSpace = details));
    }
  }

  async function checkInputs(): Promise<CheckInputs> {
    const settings = await deps.settings.get();
    const s = await state.read();
    const inputs: CheckInputs = { ...(await spaceInputs()) };
    if (settings.faceServerUrl) {
      inputs.faceUrl = settings.faceServerUrl;
      const pin = settings.pinnedFingerprints[hostPort(settings.faceServerUrl)];
      if (pin) inputs.facePinnedFingerprint256 = pin;
    }
    const token = await deps.secrets.get('faceToken');
    if (token) inputs.faceToken = token;
    // Checks take a token string: a signed-in provider gives a current one (a check run lasts well under its life).
    const signedIn = settings.faceServerUrl ? await deps.faceTokenProvider?.(settings.faceServerUrl) : null;
    if (signedIn) inputs.faceToken = await signedIn.getToken(deps.signal);
    if (s.face) {
      inputs.faceSiteId = s.face.siteId;
      inputs.faceServerId = s.face.serverId;
    }
    if (deps.extraCa) inputs.extraCa = deps.extraCa;
    return inputs;
  }

  function checkContext(
    inputs: CheckInputs,
    signal: AbortSignal,
    dependencies: Record<string, unknown> = {},
  ): CheckContext {
    return { inputs, signal, timeoutMs: checkMs, platform: deps.platform, now: deps.now, dependencies };
  }

  async function viewOf(check: Check, rec: RunRecord): Promise<CheckView> {
    const undo = (await state.read()).undo;
    const fixUsable = check.fix !== undefined && (check.windowsOnly !== true || deps.platform === 'win32');
    return {
      id: check.id,
      title: check.title,
      status: rec.result.status,
      summary: rec.result.summary,
      ...(rec.result.detail !== undefined ? { detail: rec.result.detail } : {}),
      ...(rec.result.remedy !== undefined ? { remedy: rec.result.remedy } : {}),
      ...(rec.result.code !== undefined ? { code: rec.result.code } : {}),
      durationMs: rec.durationMs,
      fix:
        fixUsable && check.fix && rec.result.status !== 'pass' && rec.result.status !== 'skip'
          ? { title: check.fix.title, elevated: check.fix.elevated }
          : null,
      undoAvailable: check.fix?.undo !== undefined && Object.hasOwn(undo, check.id),
    };
  }

  async function run(ids: string[] | null, hooks: OperationHooks): Promise<CheckView[]> {
    const all = checks();
    const unknown = (ids ?? []).filter((id) => !all.some((c) => c.id === id));
    if (unknown.length > 0) throw invalidInput('checks', `unknown check id ${unknown.join(', ')}`);
    // A chosen check still needs what it depends on, so dependencies run too (and are shown).
    const wanted = new Set(ids ?? all.map((c) => c.id));
    for (let grew = true; grew;) {
      grew = false;
      for (const c of all)
        if (wanted.has(c.id))
          for (const d of c.dependsOn ?? []) if (!wanted.has(d)) grew = wanted.add(d) !== undefined;
    }
    const selected = all.filter((c) => wanted.has(c.id));
    const result = await runEngine(selected, {
      inputs: await checkInputs(),
      timeoutMs: checkMs,
      platform: deps.platform,
      now: deps.now,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onProgress: (e) => {
        const title = selected.find((c) => c.id === e.id)?.title ?? e.id;
        hooks.onProgress?.(e.type === 'started' ? `Checking: ${title}` : `Checked: ${title}`, null);
      },
    });
    const views: CheckView[] = [];
    for (const check of selected) {
      const rec = result.byId[check.id];
      if (!rec) continue;
      if (rec.evidence !== undefined) lastEvidence.set(check.id, rec.evidence);
      views.push(await viewOf(check, rec));
    }
    return views;
  }

  async function fixOrUndo(
    checkId: string,
    hooks: OperationHooks,
    mode: 'apply' | 'undo',
  ): Promise<CheckView> {
    const check = checks().find((c) => c.id === checkId);
    if (!check?.fix) throw invalidInput('checkId', `${checkId} has no fix`);
    if (check.windowsOnly && deps.platform !== 'win32') {
      throw new AppError(
        'WINDOWS_ONLY',
        `${check.title}: the fix runs only on the Windows server that hosts Space.`,
        'Run the app on the Space server.',
      );
    }
    const ctx = checkContext(await checkInputs(), hooks.signal ?? new AbortController().signal);
    if (mode === 'apply') {
      let evidence = lastEvidence.get(checkId);
      if (evidence === undefined) evidence = await check.collect(ctx);
      hooks.onProgress?.(`Applying: ${check.fix.title}`, null);
      const out = await check.fix.apply(ctx, evidence);
      if (out.ok && out.undoData !== undefined)
        await state.update((s) => void (s.undo[checkId] = out.undoData));
      if (!out.ok)
        throw new AppError(
          'FIX_NOT_APPLIED',
          `${check.title}: ${out.summary}`,
          'Look at the check details; the change was recorded in the history.',
        );
    } else {
      const s = await state.read();
      if (!check.fix.undo || !Object.hasOwn(s.undo, checkId))
        throw invalidInput('checkId', `${checkId} has no applied fix to undo`);
      hooks.onProgress?.(`Undoing: ${check.fix.title}`, null);
      const out = await check.fix.undo(ctx, s.undo[checkId]);
      if (!out.ok)
        throw new AppError(
          'UNDO_NOT_APPLIED',
          `${check.title}: ${out.summary}`,
          'Look at the check details; the attempt was recorded in the history.',
        );
      await state.update((st) => void delete st.undo[checkId]);
    }
    const [view] = await run([checkId], hooks).then((vs) => vs.filter((v) => v.id === checkId));
    if (!view)
      throw new AppError('INTERNAL', `${checkId} did not run after the change.`, 'Run the checks again.');
    return view;
  }

  function generalOptionViews(
    options: Array<{ label: string; value: string; secret: boolean }>,
  ): GeneralOptionView[] {
    return options.map((o) => ({ label: o.label, value: o.secret ? null : o.value, secret: o.secret }));
  }

  const service: SetupService = {
    async progress() {
      return (await state.read()).progress;
    },
    async markStep(step: StepId, summary: string | null, next: StepId) {
      const s = await state.update((st) => {
        if (summary !== null) st.progress.done[step] = { at: deps.now().toISOString(), summary };
        st.progress.current = next;
      });
      await deps.settings.update({ lastWizardStep: next });
      return s.progress;
    },
    async resetProgress() {
      const s = await state.update((st) => {
        st.progress = initialProgress();
      });
      return s.progress;
    },

    async connectFace(url: string, token: string | null) {
      const ep = faceApiEndpoint(url); // refuses http:// and bad hosts, naming the field
      const base = `${ep.protocol}//${ep.host.includes(':') ? `[${ep.host}]` : ep.host}:${ep.port}${ep.path.slice(0, -'api/v1/'.length) || '/'}`;
      if (token !== null) {
        const t = token.trim();
        if (t.length === 0) throw invalidInput('token', 'must not be empty');
        await deps.secrets.set('faceToken', t);
      }
      await deps.settings.update({ faceServerUrl: base });
      const pins = (await deps.settings.get()).pinnedFingerprints;
      const pin = pins[hostPort(base)];
      let trustedBy: 'system' | 'pin' = 'pin';
      let certificate = null;
      if (!pin) {
        const report = await inspectFaceCertificate(base, {
          timeoutMs: requestMs,
          ...(deps.extraCa ? { extraCa: deps.extraCa } : {}),
        });
        if (!report.trustedBySystem) {
          const reason = toErrorInfo(
            new AppError(
              report.problem ?? 'TLS_UNTRUSTED',
              `This computer does not trust the certificate of ${ep.host}:${ep.port}.`,
              'Compare the SHA-256 fingerprint with the one shown on the XS4 Face server, then trust it.',
            ),
          );
          return {
            state: 'needs-trust',
            url: base,
            certificate: report.certificate,
            reason: { code: reason.code, message: reason.message, remedy: reason.remedy },
          } satisfies ConnectResult;
        }
        trustedBy = 'system';
        certificate = report.certificate;
      }
      const client = await clientFor(base);
      await client.whoAmI();
      const previous = (await state.read()).face;
      const target = selectServer(await client.listSites(), previous ?? undefined);
      // The same server as before keeps the names remembered with it (face-choice.ts).
      const same = previous?.siteId === target.siteId && previous.serverId === target.serverId;
      await state.update((s) => void (s.face = same ? previous : target));
      return { state: 'connected', url: base, certificate, trustedBy } satisfies ConnectResult;
    },

    async trustFaceCertificate(url: string, fingerprint256: string) {
      const fp = normaliseFingerprint(fingerprint256);
      if (fp.length !== 95)
        throw invalidInput('fingerprint256', 'must be a SHA-256 fingerprint (64 hex digits)');
      // Accept only what the server presents now: a certificate swapped since the dialog opened is not pinned.
      const report = await inspectFaceCertificate(url, { timeoutMs: requestMs });
      if (report.certificate.fingerprint256 !== fp) {
        throw new AppError(
          'FACE_TLS_PIN_MISMATCH',
          'The server now presents a different certificate than the one you were shown.',
          'Check the server; connect again to see the current certificate.',
          { expected: fp, actual: report.certificate.fingerprint256 },
        );
      }
      const settings = await deps.settings.get();
      await deps.settings.update({
        pinnedFingerprints: { ...settings.pinnedFingerprints, [hostPort(url)]: fp },
      });
      await record({
        kind: 'setting',
        target: `trust:${hostPort(url)}`,
        after: { fingerprint256: fp, subject: report.certificate.subject },
        result: { ok: true, summary: `Trusted the certificate of ${hostPort(url)}` },
      });
      const connected = await service.connectFace(url, null);
      return connected.state === 'connected' ? { ...connected, certificate: report.certificate } : connected;
    },

    async faceServerChoices(url?: string) {
      const base = url ?? (await deps.settings.get()).faceServerUrl;
      if (!base) throw notConnected();
      const client = await clientFor(base);
      return listServerChoices(client, (await state.read()).face);
    },
    async chooseFaceServer(wanted, url?: string) {
      return chooseFaceServer(state, await service.faceServerChoices(url), wanted);
    },

    async listIntegrations() {
      const { client, target } = await faceSession();
      const list = await client.listIntegrations(target);
      const cards: IntegrationCard[] = list.integrations.map((i) => ({
        id: i.type,
        kind: i.type,
        name: i.name,
        status: i.status,
        lastError: i.lastError,
        lastCheckedAt: i.lastCheckedAt,
        added: true,
      }));
      // Integrations that can still be added appear as "No status" cards, as in the Add Integration dialog.
      for (const type of list.available)
        cards.push({
          id: type,
          kind: type,
          name: type,
          status: 'unconfigured',
          lastError: null,
          lastCheckedAt: null,
          added: false,
        });
      return cards;
    },
    async addIntegrations(kinds: string[]) {
      if (kinds.length === 0) throw invalidInput('kinds', 'must name at least one integration');
      const { client, target } = await faceSession();
      const applied = await client.addIntegrations(target, kinds);
      await record({
        kind: 'face-write',
        target: 'face:integrations',
        after: { added: kinds },
        result: { ok: true, summary: `Added integration(s): ${kinds.join(', ')}` },
      });
      void applied;
      return service.listIntegrations();
    },

    async detectSpace(): Promise<DetectedSpace> {
      const port = SPACE_ASSUMPTIONS.defaultPort;
      if (deps.platform !== 'win32') {
        const ipv4 = Object.values(os.networkInterfaces())
          .flat()
          .filter((n): n is os.NetworkInterfaceInfo => !!n && n.family === 'IPv4' && !n.internal)
          .map((n) => n.address);
        return {
          available: false,
          reason: `Space runs on Windows; this machine is ${deps.platform}, so the service, version and FQDN cannot be read here.`,
          fqdn: null,
          ipv4,
          port,
          https: null,
          serviceRunning: null,
          version: null,
        };
      }
      const check = checks().find((c) => c.id === 'space.service');
      if (!check) throw new AppError('INTERNAL', 'The space.service check is missing.', 'Reinstall the app.');
      const evidence = (await check.collect(
        checkContext(await checkInputs(), new AbortController().signal),
      )) as SpaceEvidence;
      if (evidence.kind !== 'collected') {
        return {
          available: false,
          reason: 'The Space service could not be read on this machine.',
          fqdn: null,
          ipv4: [],
          port,
          https: null,
          serviceRunning: null,
          version: null,
        };
      }
      const d = spaceServerDetails(evidence);
      return {
        available: true,
        reason: null,
        fqdn: d.fqdn,
        ipv4: d.ipv4,
        port: d.port,
        https: null,
        serviceRunning: evidence.service ? evidence.service.state === 'Running' : null,
        version: evidence.fileVersion ?? evidence.productVersion,
      };
    },
    async getSpaceDetails() {
      const { client, target } = await faceSession();
      const s = await client.getSpaceIntegration(target);
      if (!s.host || s.port === 0) return null;
      const details = { host: s.host, port: s.port, https: s.https };
      await rememberSpace(details);
      return details;
    },
    async saveSpaceDetails(details: SpaceDetails) {
      const host = validateHost(details.host, 'host');
      const port = validatePort(details.port, 'port');
      const { client, target } = await faceSession();
      const before = await client.getSpaceIntegration(target);
      const applied = await client.updateSpaceIntegration(target, { host, port, https: details.https });
      const after = { host: applied.value.host, port: applied.value.port, https: applied.value.https };
      await rememberSpace(after);
      await record({
        kind: 'face-write',
        target: 'face:integration.space.details',
        before: { host: before.host, port: before.port, https: before.https },
        after,
        result: {
          ok: true,
          summary: `Space Server Details set to ${host}:${port} (${details.https ? 'HTTPS' : 'HTTP'})`,
        },
      });
      return after;
    },

    async shipKey(): Promise<MaskedSecret> {
      const key = await deps.secrets.get('shipApiKey');
      return { set: key !== null, fingerprint: key ? secretFingerprint(key) : null };
    },
    async setShipKey(input) {
      const key = 'generate' in input ? generateShipKey() : validateShipKey(input.value.trim(), 'shipApiKey');
      const { client, target } = await faceSession();
      const current = await client.getSpaceIntegration(target);
      if (!current.host || current.port === 0) {
        throw new AppError(
          'SETUP_SPACE_DETAILS_MISSING',
          'XS4 Face has no Space Server Details yet.',
          'Save the Space Server Details first, then set the SHIP API key.',
        );
      }
      const applied = await client.updateSpaceIntegration(target, {
        host: current.host,
        port: current.port,
        https: current.https,
        shipApiKey: key,
      });
      const fp = secretFingerprint(key);
      if (applied.value.shipApiKey.fingerprint !== fp) {
        throw new AppError(
          'FACE_WRITE_NOT_APPLIED',
          'XS4 Face did not keep the SHIP API key that was sent.',
          'Try again; if it persists, set the key in the XS4 Face Console.',
        );
      }
      await deps.secrets.set('shipApiKey', key);
      await record(
        {
          kind: 'face-write',
          target: 'face:integration.space.shipApiKey',
          before: { fingerprint: current.shipApiKey.fingerprint },
          after: { fingerprint: fp },
          result: {
            ok: true,
            summary: `SHIP API key ${'generate' in input ? 'generated and ' : ''}saved in XS4 Face (fingerprint ${fp}); enter the same key in Space's SHIP tab`,
          },
        },
        [key],
      );
      return { set: true, fingerprint: fp };
    },
    async revealShipKey() {
      const key = await deps.secrets.get('shipApiKey');
      if (!key)
        throw new AppError(
          'SHIP_KEY_NOT_SET',
          'No SHIP API key is stored yet.',
          'Enter or generate one in the "SHIP API Key" step.',
        );
      return key;
    },
    async resetAuthKey() {
      const { client, target } = await faceSession();
      const before = (await client.getSpaceGeneralOptions(target)).find((o) => o.secret);
      const applied = await client.resetAuthenticationKey(target);
      await record({
        kind: 'key-reset',
        target: 'face:generalOptions.authenticationApiKey',
        before: { fingerprint: before ? secretFingerprint(before.value) : null },
        after: { fingerprint: applied.keyFingerprint },
        result: {
          ok: true,
          summary:
            "Authentication (API key) reset in XS4 Face; update it in Space's General Options › Face recognition tab",
        },
      });
      return generalOptionViews(applied.value);
    },

    async loadInstallScript(source) {
      let info: InstallScriptInfo;
      const scriptDeps = {
        dataDir: deps.dataDir,
        now: deps.now,
        platform: deps.platform,
        session: windows.session,
        runElevated: windows.runElevated,
        recordChange: recordWindowsChange,
      };
      if (source.kind === 'face') {
        const { client, target } = await faceSession();
        info = await prepareInstallScript(scriptDeps, {
          kind: 'face',
          download: async () => (await client.downloadInstallScript(target)).content,
        });
      } else {
        info = await prepareInstallScript(scriptDeps, { kind: 'file', path: source.path });
      }
      await state.update((s) => void (s.script = info));
      return {
        source: info.source,
        path: info.path,
        sizeBytes: info.size,
        sha256: info.sha256,
        signature: {
          status: info.signature.status,
          signer: info.signature.signer,
          reason: info.signature.statusMessage,
        },
      } satisfies ScriptInfo;
    },
    async runInstallScript(sha256: string, hooks: OperationHooks): Promise<ScriptRunResult> {
      const s = await state.read();
      if (!s.script)
        throw new AppError(
          'INSTALL_SCRIPT_NOT_LOADED',
          'No install script is loaded.',
          'Load the Space Install Script first.',
        );
      if (s.script.sha256.toLowerCase() !== sha256.toLowerCase())
        throw invalidInput(
          'sha256',
          'must be the SHA-256 of the loaded script (it was shown before running)',
        );
      if (deps.platform !== 'win32') {
        return {
          outcome: 'unavailable',
          exitCode: null,
          transcriptPath: null,
          message:
            'The Space Install Script runs only on the Windows server that hosts Space, in an elevated PowerShell.',
        };
      }
      const scriptDeps = {
        dataDir: deps.dataDir,
        now: deps.now,
        platform: deps.platform,
        session: windows.session,
        runElevated: windows.runElevated,
        recordChange: recordWindowsChange,
      };
      const outcome = await runInstallScript(scriptDeps, s.script, {
        timeoutMs: deps.timeouts?.scriptMs ?? 30 * 60_000,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        ...(hooks.onLogLine
          ? {
              onLog: (chunk: string) =>
                chunk
                  .split(/\r?\n/)
                  .filter((l) => l.length > 0)
                  .forEach((l) => hooks.onLogLine?.(l)),
            }
          : {}),
      });
      const mapped: ScriptRunResult['outcome'] =
        outcome.outcome === 'completed'
          ? outcome.exitCode === 0
            ? 'succeeded'
            : 'failed'
          : outcome.outcome === 'elevation-cancelled'
            ? 'elevation-cancelled'
            : outcome.outcome === 'timeout'
              ? 'timeout'
              : 'cancelled';
      await state.update(
        (st) =>
          void (st.lastScriptRun = {
            sha256: s.script!.sha256,
            outcome: mapped,
            exitCode: outcome.exitCode,
            at: deps.now().toISOString(),
          }),
      );
      const message = {
        succeeded: 'The install script finished with exit code 0.',
        failed: `The install script ended with exit code ${outcome.exitCode}. Read the log, fix the cause and run it again.`,
        'elevation-cancelled':
          'Administrator rights were not granted (UAC was cancelled). Run it again and accept the prompt.',
        timeout: 'The install script did not finish in time and was stopped.',
        cancelled: 'The run was cancelled.',
        unavailable: '',
      }[mapped];
      return { outcome: mapped, exitCode: outcome.exitCode, transcriptPath: outcome.transcriptPath, message };
    },

    runChecks: run,
    applyFix: (id, hooks) => fixOrUndo(id, hooks, 'apply'),
    undoFix: (id, hooks) => fixOrUndo(id, hooks, 'undo'),

    async generalOptions() {
      const { client, target } = await faceSession();
      return generalOptionViews(await client.getSpaceGeneralOptions(target));
    },
    async revealGeneralOption(label: string) {
      const { client, target } = await faceSession();
      const hit = (await client.getSpaceGeneralOptions(target)).find((o) => o.label === label);
      if (!hit) throw invalidInput('label', `must be one of the General Options XS4 Face lists`);
      return hit.value;
    },

    async getEnrollment() {
      const { client, target } = await faceSession();
      const e = await client.getEnrollment(target);
      return e.companyName === '' && e.privacyPolicyUrl === ''
        ? null
        : { companyName: e.companyName, privacyPolicyUrl: e.privacyPolicyUrl };
    },
    async saveEnrollment(settings: EnrollmentSettings) {
      const parsed = EnrollmentSettingsSchema.safeParse(settings);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalidInput(String(issue?.path[0] ?? 'enrollment'), issue?.message ?? 'is invalid');
      }
      const { client, target } = await faceSession();
      const before = await client.getEnrollment(target);
      const applied = await client.updateEnrollment(target, parsed.data);
      await record({
        kind: 'face-write',
        target: 'face:enrollment',
        before,
        after: applied.value,
        result: {
          ok: true,
          summary: `Enrollment Service: company "${applied.value.companyName}", privacy policy ${applied.value.privacyPolicyUrl}`,
        },
      });
      return { companyName: applied.value.companyName, privacyPolicyUrl: applied.value.privacyPolicyUrl };
    },

    async collectBundle(outDir: string, hooks: OperationHooks) {
      const all = checks();
      const inputs = await checkInputs();
      const result = await runEngine(all, {
        inputs,
        timeoutMs: checkMs,
        platform: deps.platform,
        now: deps.now,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onProgress: (e) =>
          hooks.onProgress?.(`${e.type === 'started' ? 'Collecting' : 'Collected'}: ${e.title}`, null),
      });
      if (result.cancelled)
        throw new AppError(
          'CANCELLED',
          'Collecting was cancelled; no bundle was written.',
          'Start it again when ready.',
        );
      const path = resolvePath(outDir);
      const secrets = [await deps.secrets.get('faceAuthKey')].filter((x): x is string => x !== null);
      await writeBundle(path, result, all, {
        toolVersion: deps.toolVersion ?? 'unknown',
        createdAt: deps.now(),
        platform: deps.platform,
        machineName: hostname(),
        inputs,
        extraSecrets: secrets,
      });
      const views: CheckView[] = [];
      for (const check of all) {
        const rec = result.byId[check.id];
        if (rec) views.push(await viewOf(check, rec));
      }
      return { path, checks: views };
    },

    async siteProfile() {
      const settings = await deps.settings.get();
      const profile: SiteProfile = { format: PROFILE_FORMAT, version: PROFILE_VERSION };
      const leftOut: string[] = [];
      if (!settings.faceServerUrl) return { profile, leftOut: ['faceUrl (not connected to XS4 Face yet)'] };
      profile.faceUrl = settings.faceServerUrl;
      const facePin = settings.pinnedFingerprints[hostPort(settings.faceServerUrl)];
      if (facePin) profile.facePinnedFingerprint256 = facePin;
      // What XS4 Face holds is read live; an unreachable server or a missing token leaves those fields out, said by name.
      try {
        const details = await service.getSpaceDetails();
        if (details) {
          const host = details.host.includes(':') ? `[${details.host}]` : details.host;
          profile.spaceUrl = `${details.https ? 'https' : 'http'}://${host}:${details.port}/`;
          const spacePin = settings.pinnedFingerprints[`${details.host}:${details.port}`];
          if (spacePin) profile.spacePinnedFingerprint256 = spacePin;
        } else leftOut.push('spaceUrl (XS4 Face has no Space Server Details yet)');
        const enrollment = await service.getEnrollment();
        if (enrollment) profile.enrollment = enrollment;
        else leftOut.push('enrollment (not set in XS4 Face)');
      } catch (e) {
        leftOut.push(`spaceUrl and enrollment (XS4 Face could not be read: ${toErrorInfo(e).message})`);
      }
      return { profile: validateProfile(profile), leftOut };
    },

    async verify(deadlineMs: number, hooks: OperationHooks): Promise<VerifyResult> {
      if (!Number.isInteger(deadlineMs) || deadlineMs < 1000 || deadlineMs > 30 * 60_000)
        throw invalidInput('deadlineMs', 'must be a whole number from 1000 to 1800000');
      const { client, target } = await faceSession();
      const started = deps.now().getTime();
      const poll = deps.timeouts?.pollMs ?? 2000;
      let status = (await client.getSpaceIntegration(target)).status;
      while (status !== 'connected') {
        const elapsed = deps.now().getTime() - started;
        if (elapsed >= deadlineMs) break;
        hooks.onProgress?.(
          `XS4 Face reports the Space integration as "${consoleStatusName(status)}"; waiting for Connected…`,
          Math.min(1, elapsed / deadlineMs),
        );
        await sleep(Math.min(poll, deadlineMs - elapsed), hooks.signal);
        status = (await client.getSpaceIntegration(target)).status;
      }
      if (status === 'connected') {
        hooks.onProgress?.('XS4 Face reports the Space integration as Connected.', 1);
        return {
          status,
          connected: true,
          diagnosis: [],
          message: 'XS4 Face reports the Space integration as Connected.',
        };
      }
      hooks.onProgress?.('Not connected yet: running the checks that explain why…', null);
      const views = await run(
        DIAGNOSIS_CHECKS.filter((id) => checks().some((c) => c.id === id)),
        hooks,
      );
      const diagnosis = views.filter((v) => v.status === 'fail' || v.status === 'warn');
      return {
        status,
        connected: false,
        diagnosis,
        message: `XS4 Face still reports the Space integration as "${consoleStatusName(status)}" after ${Math.round(deadlineMs / 1000)} s.`,
      };
    },
  };
  return service;
}
