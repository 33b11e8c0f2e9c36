// Handlers for the `setup.*`, `history.list` and `clipboard.*` channels: one line each onto the injected SetupService.
// Long operations get an AbortController keyed by the page's operation id (operations.ts), so `setup.cancel` stops them.
import type { SetupChannel, SetupInput, SetupOutput } from '../../../contract/setup-channels';
import { historyView, type HistoryEntryLike } from '../history/history-view';
import type { SetupService } from '../setup/service';
import { recordingLastChecks, type LastChecks } from '../troubleshoot/last-checks';
import { Operations, type OperationEvents } from './operations';

/** What the handlers need from the IPC layer: the shell's HandlerContext satisfies it. */
export type SetupHandlerContext = OperationEvents;

/** Writes to the system clipboard (main/secret-clipboard.ts in the app, a recorder in tests). */
export interface ClipboardWriter {
  writeText(text: string): void | Promise<void>;
  /** A secret: kept out of clipboard history and cloud sync, and cleared after a while (main/secret-clipboard.ts). */
  writeSecret(text: string): void | Promise<void>;
}

/** The applied-settings history as main/core/history/history-store.ts's HistoryStore reads it (only what is shown). */
export interface HistoryReader {
  read(): Promise<{ entries: HistoryEntryLike[] }>;
}

export interface SetupHandlerDeps {
  service: SetupService;
  clipboard: ClipboardWriter;
  history: HistoryReader;
  clock: () => Date;
  /** Where a full run of checks is kept for Troubleshoot's report (optional: tests of the mapping omit it). */
  lastChecks?: LastChecks;
  /** The running operations, shared with the sign-in channels (a table of its own when absent). */
  ops?: Operations;
}

/** What main/index.ts (and the e2e harness) hands the core for the setup flow; the clock comes from CoreDeps. */
export type SetupWiring = Omit<SetupHandlerDeps, 'clock' | 'lastChecks' | 'ops'>;

export type SetupHandlers = {
  [K in SetupChannel]: (input: SetupInput<K>, ctx: SetupHandlerContext) => Promise<SetupOutput<K>>;
};

/** Copies a value the page already shows (it has no clipboard permission itself). */
async function copyText(clipboard: ClipboardWriter, text: string): Promise<null> {
  await clipboard.writeText(text);
  return null;
}

/** Copies a secret the core reads: the page only learns that it worked. */
async function copySecret(
  s: SetupService,
  clipboard: ClipboardWriter,
  what: SetupInput<'clipboard.copySecret'>,
): Promise<null> {
  await clipboard.writeSecret(
    what.kind === 'shipKey' ? await s.revealShipKey() : await s.revealGeneralOption(what.label),
  );
  return null;
}

export function setupHandlers({
  service,
  clipboard,
  history,
  clock,
  lastChecks,
  ops = new Operations(clock),
}: SetupHandlerDeps): SetupHandlers {
  const s = lastChecks === undefined ? service : recordingLastChecks(service, lastChecks, clock);
  return {
    'setup.progress': () => s.progress(),
    'setup.markStep': ({ step, summary, next }) => s.markStep(step, summary, next),
    'setup.resetProgress': () => s.resetProgress(),
    'setup.connectFace': ({ url, token }) => s.connectFace(url, token),
    'setup.trustFaceCertificate': ({ url, fingerprint256 }) => s.trustFaceCertificate(url, fingerprint256),
    'setup.connectDraft': () => s.connectDraft(),
    'setup.refuseFaceCertificate': () => s.refuseFaceCertificate(),
    'setup.faceServerChoices': () => s.faceServerChoices(),
    'setup.chooseFaceServer': ({ siteId, serverId }) =>
      s.chooseFaceServer({ site: siteId, server: serverId }),
    'setup.faceChoice': () => s.faceChoice(),
    'setup.listIntegrations': () => s.listIntegrations(),
    'setup.addIntegrations': ({ operationId, kinds }, ctx) =>
      ops.run(operationId, 'write', ctx, (h) => s.addIntegrations(kinds, h)),
    'setup.keepWaiting': ({ operationId, changeId }, ctx) =>
      ops.run(operationId, 'keepWaiting', ctx, (h) => s.keepWaiting(changeId, h)),
    'setup.checkWrite': ({ operationId, checkId }, ctx) =>
      ops.run(operationId, 'checkWrite', ctx, (h) => s.checkWrite(checkId, h)),
    'setup.detectSpace': () => s.detectSpace(),
    'setup.getSpaceDetails': () => s.getSpaceDetails(),
    'setup.saveSpaceDetails': ({ operationId, ...details }, ctx) =>
      ops.run(operationId, 'write', ctx, (h) => s.saveSpaceDetails(details, h)),
    'setup.spaceCertificate': () => s.spaceCertificate(),
    'setup.trustSpaceCertificate': ({ fingerprint256 }) => s.trustSpaceCertificate(fingerprint256),
    'setup.shipKey': () => s.shipKey(),
    'setup.setShipKey': ({ operationId, ...key }, ctx) =>
      ops.run(operationId, 'write', ctx, (h) => s.setShipKey(key, h)),
    'setup.revealShipKey': () => s.revealShipKey(),
    'setup.resetAuthKey': ({ operationId }, ctx) =>
      ops.run(operationId, 'write', ctx, (h) => s.resetAuthKey(h)),
    'setup.loadInstallScript': (source) => s.loadInstallScript(source),
    'setup.runInstallScript': ({ operationId, sha256 }, ctx) =>
      ops.run(operationId, 'installScript', ctx, (h) => s.runInstallScript(sha256, h)),
    'setup.runChecks': ({ operationId, ids }, ctx) =>
      ops.run(operationId, 'checks', ctx, (h) => s.runChecks(ids, h)),
    'setup.applyFix': ({ operationId, checkId }, ctx) =>
      ops.run(operationId, 'fix', ctx, (h) => s.applyFix(checkId, h)),
    'setup.undoFix': ({ operationId, checkId }, ctx) =>
      ops.run(operationId, 'undo', ctx, (h) => s.undoFix(checkId, h)),
    'setup.generalOptions': () => s.generalOptions(),
    'setup.revealGeneralOption': ({ label }) => s.revealGeneralOption(label),
    'setup.getEnrollment': () => s.getEnrollment(),
    'setup.saveEnrollment': ({ operationId, ...settings }, ctx) =>
      ops.run(operationId, 'write', ctx, (h) => s.saveEnrollment(settings, h)),
    'setup.verify': ({ operationId, deadlineMs }, ctx) =>
      ops.run(operationId, 'verify', ctx, (h) => s.verify(deadlineMs, h)),
    'setup.verifyStatus': () => s.verifyStatus(),
    'setup.followVerify': ({ operationId }, ctx) =>
      ops.run(operationId, 'verify', ctx, (h) => s.followVerify(h)),
    'setup.collectBundle': ({ operationId, path, createFolder }, ctx) =>
      ops.run(operationId, 'collectBundle', ctx, (h) =>
        s.collectBundle(path, h, { createFolder: createFolder ?? false }),
      ),
    'setup.cancel': async ({ operationId }) => ops.cancel(operationId),
    'history.list': async () => (await history.read()).entries.map(historyView),
    'clipboard.copyText': ({ text }) => copyText(clipboard, text),
    'clipboard.copySecret': (what) => copySecret(s, clipboard, what),
  };
}
