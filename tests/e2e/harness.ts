// End-to-end harness: the built renderer served on 127.0.0.1 (same file server and CSP as app://), Debian Chromium
// via playwright-core (Edge or Chrome on Windows, tests/helpers/browser.ts), and window.xs4 bound to the REAL core handlers in this process. Only Electron's IPC pipe is absent.
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchTestBrowser } from '../helpers/browser';
import { serveAppRequest } from '../../main/protocol-serve';
import { createCoreHandlers } from '../../main/core/api/handlers';
import { createDispatcher } from '../../main/core/api/dispatch';
import type { CoreDeps } from '../../main/core/api/deps';
import type { EventName, HandlerContext } from '../../contract/ipc';
import type { DialogInput } from '../../contract/dialog-channels';
import type { PathDialogs } from '../../main/core/api/dialog-handlers';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
export const SCREENSHOT_DIR = join(ROOT, 'docs', 'screenshots');

/** Serves dist/renderer through the app:// file server, so the page runs under the production CSP. */
export async function startStaticServer(
  root = RENDERER_DIR,
): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(root, 'index.html')))
    throw new Error(`${root}/index.html is missing: run "npm run build" first (npm test does).`);
  const server: Server = createServer((req, res) => {
    void serveAppRequest(`app://xs4${req.url ?? '/'}`, root).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let bridgeScript: Promise<string> | null = null;
/** The page-side bridge, bundled once per run from tests/e2e/bridge-entry.ts. */
export function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(ROOT, 'tests', 'e2e', 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

/** The test browser (Debian Chromium here, Edge or Chrome on Windows): tests/helpers/browser.ts decides. */
export function launchChromium(): Promise<Browser> {
  return launchTestBrowser();
}

/**
 * The system's file and folder dialogs, as a test double: in the app the main process shows them (main/path-dialogs.ts);
 * here the test says what the technician picks. Bound in the core's deps, so the call crosses the real dispatcher.
 */
export interface DialogDouble extends PathDialogs {
  /** What the page asked for, in order. */
  readonly asked: Array<DialogInput<'dialog.choosePath'>>;
  /** The next answers, in order: a path the technician picks, or null for Cancel. */
  answer(...paths: Array<string | null>): void;
}

export function createDialogDouble(): DialogDouble {
  const asked: Array<DialogInput<'dialog.choosePath'>> = [];
  const answers: Array<string | null> = [];
  return {
    asked,
    answer: (...paths) => void answers.push(...paths),
    async choosePath(request) {
      asked.push(request);
      if (answers.length === 0) throw new Error(`No answer was given for the "${request.purpose}" dialog.`);
      return answers.shift() ?? null;
    },
  };
}

/** Binds window.xs4 in `page` to the real core handlers built from `deps`, through the same dispatcher as main/ipc.ts. */
export async function bindCore(page: Page, deps: CoreDeps): Promise<void> {
  const dispatch = createDispatcher(createCoreHandlers(deps), deps.log);
  const gone = new AbortController();
  page.once('close', () => gone.abort());
  const ctx: HandlerContext = {
    signal: gone.signal,
    emit(event: EventName, payload: unknown) {
      // During a reload the page has no context for a moment: the event is lost, as webContents.send's would be
      // for a page that is loading (an operation outlives a reload, as in Electron).
      page
        .evaluate(
          ([e, p]) =>
            (globalThis as unknown as { __xs4Deliver(e: string, p: unknown): void }).__xs4Deliver(e, p),
          [event, payload] as const,
        )
        .catch(() => undefined);
    },
  };
  await page.exposeBinding('__xs4Invoke', async (source, channel: unknown, input: unknown) => {
    // Mirrors main/ipc.ts: only the page's main frame may call.
    if (source.frame !== page.mainFrame())
      return { ok: false, error: { code: 'IPC_FOREIGN_SENDER', message: 'Refused.', remedy: '' } };
    return dispatch(channel, input, ctx);
  });
  await page.addInitScript({ content: await bundleBridge() });
}

export interface PageProblems {
  console: string[];
  errors: string[];
}

/** Collects console errors (CSP violations show up here) and uncaught page errors. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { console: [], errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(e.message));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name);
  await page.screenshot({ path, fullPage: false });
  return path;
}
