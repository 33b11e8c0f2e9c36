// Handlers for the `setup.*` channels (one line each onto the injected SetupService) and `clipboard.copySecret`.
// Long operations get an AbortController keyed by the renderer's operation id, so `setup.cancel` can stop them.
import type { SetupChannel, SetupInput, SetupOutput } from '../../../contract/setup-channels';
import { AppError } from '../errors';
import type { OperationHooks, SetupService } from '../setup/service';
import type { LastChecks } from './last-checks';

/** What the handlers need from the IPC layer: the shell's HandlerContext satisfies it. */
export interface SetupHandlerContext {
  emit(
    event: 'progress',
    payload: { operation: string; step: string; fraction: number | null; message: string },
  ): void;
  emit(
    event: 'logLine',
    payload: { level: 'debug' | 'info' | 'warn' | 'error'; time: string; message: string },
  ): void;
}

/** Writes text to the system clipboard (Electron's clipboard in the app, a recorder in tests). */
export interface ClipboardWriter {
  writeText(text: string): void;
}

/** The applied-settings history as main/core/history/history-store.ts's HistoryStore reads it (only what is shown). */
export interface HistoryReader {
  read(): Promise<{
    entries: Array<{
      time: string;
      kind: string;
      target: string;
      result: { ok: boolean; summary: string; code?: string };
    }>;
  }>;
}

export interface SetupHandlerDeps {
  service: SetupService;
  clipboard: ClipboardWriter;
  history: HistoryReader;
  clock: () => Date;
  /** Where a full run of checks is kept for Troubleshoot's report (optional: tests of the mapping omit it). */
  lastChecks?: LastChecks;
}

/** What main/index.ts (and the e2e harness) hands the core for the setup flow; the clock comes from CoreDeps. */
export type SetupWiring = Omit<SetupHandlerDeps, 'clock' | 'lastChecks'>;

export type SetupHandlers = {
  [K in SetupChannel]: (input: SetupInput<K>, ctx: SetupHandlerContext) => Promise<SetupOutput<K>>;
};

/** Long operations in flight, by the id the renderer chose, so `setup.cancel` can abort them. */
class Operations {
  private readonly running = new Map<string, AbortController>();

  async run<T>(
    id: string,
    step: string,
    ctx: SetupHandlerContext,
    clock: () => Date,
    work: (hooks: OperationHooks) => Promise<T>,
  ): Promise<T> {
    if (this.running.has(id)) {
      throw new AppError(
        'OPERATION_ID_IN_USE',
        'An operation with this id is already running.',
        'Wait for it to finish or cancel it first.',
        { operationId: id },
      );
    }
    const controller = new AbortController();
    this.running.set(id, controller);
    const hooks: OperationHooks = {
      signal: controller.signal,
      onProgress: (message, fraction) => ctx.emit('progress', { operation: id, step, fraction, message }),
      onLogLine: (line) => ctx.emit('logLine', { level: 'info', time: clock().toISOString(), message: line }),
    };
    try {
      return await work(hooks);
    } finally {
      this.running.delete(id);
    }
  }

  cancel(id: string): boolean {
    const controller = this.running.get(id);
    if (controller === undefined) return false;
    controller.abort();
    return true;
  }
}

export function setupHandlers({
  service: s,
  clipboard,
  history,
  clock,
  lastChecks,
}: SetupHandlerDeps): SetupHandlers {
  const ops = new Operations();
  return {
    'setup.progress': () => s.progress(),
    'setup.markStep': ({ step, summary, next }) => s.markStep(step, summary, next),
    'setup.resetProgress': () => s.resetProgress(),
    'setup.connectFace': ({ url, token }) => s.connectFace(url, token),
    'setup.trustFaceCertificate': ({ url, fingerprint256 }) => s.trustFaceCertificate(url, fingerprint256),
    'setup.listIntegrations': () => s.listIntegrations(),
    'setup.addIntegrations': ({ kinds }) => s.addIntegrations(kinds),
    'setup.detectSpace': () => s.detectSpace(),
    'setup.getSpaceDetails': () => s.getSpaceDetails(),
    'setup.saveSpaceDetails': (details) => s.saveSpaceDetails(details),
    'setup.shipKey': () => s.shipKey(),
    'setup.setShipKey': (key) => s.setShipKey(key),
    'setup.revealShipKey': () => s.revealShipKey(),
    'setup.resetAuthKey': () => s.resetAuthKey(),
    'setup.loadInstallScript': (source) => s.loadInstallScript(source),
    'setup.runInstallScript': ({ operationId, sha256 }, ctx) =>
      ops.run(operationId, 'installScript', ctx, clock, (h) => s.runInstallScript(sha256, h)),
    'setup.runChecks': async ({ operationId, ids }, ctx) => {
      const views = await ops.run(operationId, 'checks', ctx, clock, (h) => s.runChecks(ids, h));
      // A run of every check is what Troubleshoot shows and exports.
      if (ids === null) lastChecks?.set(views, clock());
      return views;
    },
    'setup.applyFix': async ({ operationId, checkId }, ctx) => {
      const view = await ops.run(operationId, 'fix', ctx, clock, (h) => s.applyFix(checkId, h));
      lastChecks?.update(view);
      return view;
    },
    'setup.undoFix': async ({ operationId, checkId }, ctx) => {
      const view = await ops.run(operationId, 'undo', ctx, clock, (h) => s.undoFix(checkId, h));
      lastChecks?.update(view);
      return view;
    },
    'setup.generalOptions': () => s.generalOptions(),
    'setup.revealGeneralOption': ({ label }) => s.revealGeneralOption(label),
    'setup.getEnrollment': () => s.getEnrollment(),
    'setup.saveEnrollment': (settings) => s.saveEnrollment(settings),
    'setup.verify': ({ operationId, deadlineMs }, ctx) =>
      ops.run(operationId, 'verify', ctx, clock, (h) => s.verify(deadlineMs, h)),
    'setup.collectBundle': async ({ operationId, path }, ctx) => {
      const out = await ops.run(operationId, 'collectBundle', ctx, clock, (h) => s.collectBundle(path, h));
      lastChecks?.set(out.checks, clock());
      return out;
    },
    'setup.cancel': async ({ operationId }) => ops.cancel(operationId),
    'history.list': async () =>
      (await history.read()).entries.map((e) => ({
        time: e.time,
        kind: e.kind,
        target: e.target,
        summary: e.result.summary,
        result: e.result.ok ? 'ok' : `failed${e.result.code === undefined ? '' : ` (${e.result.code})`}`,
      })),
    'clipboard.copyText': async ({ text }) => {
      clipboard.writeText(text);
      return null;
    },
    'clipboard.copySecret': async (what) => {
      // Read in the core and handed straight to the clipboard: the page only learns that it worked.
      const value =
        what.kind === 'shipKey' ? await s.revealShipKey() : await s.revealGeneralOption(what.label);
      clipboard.writeText(value);
      return null;
    },
  };
}
