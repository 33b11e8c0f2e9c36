// Benchmark: time to the renderer's first render, against a bare React page built the same way (vite, same plugin and
// target, same static server and CSP). Budget: the app's median ≤ 2 × the bare page's. Run after `npm run build`:
//   npx tsx scripts/bench/renderer-first-render.ts [runs]
// Prints both medians and the ratio; exits 1 over budget. window.xs4 is bound to the real core (as in the e2e tests).
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { bindCore, launchChromium, RENDERER_DIR, startStaticServer } from '../../tests/e2e/harness';
import { createTestDeps } from '../../tests/helpers/core-deps';

export const FIRST_RENDER_RATIO_BUDGET = 2;

/** Records when #root first gets an element: the page's first render, whatever framework put it there. */
const FIRST_RENDER_PROBE = `
  (() => {
    const seen = () => {
      const root = document.getElementById('root');
      if (root && root.firstElementChild && globalThis.__firstRender === undefined) globalThis.__firstRender = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  })();
`;

async function buildBarePage(): Promise<string> {
  const src = mkdtempSync(join(tmpdir(), 'bare-react-'));
  writeFileSync(
    join(src, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>bare</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>',
  );
  writeFileSync(
    join(src, 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<h1>Hello</h1>);\n",
  );
  const out = join(src, 'dist');
  await build({
    root: src,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      alias: {
        react: join(process.cwd(), 'node_modules/react'),
        'react-dom': join(process.cwd(), 'node_modules/react-dom'),
      },
    },
    build: { outDir: out, emptyOutDir: true, target: 'chrome140' },
  });
  return out;
}

async function measure(browser: Browser, root: string, runs: number, withCore: boolean): Promise<number[]> {
  const server = await startStaticServer(root);
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1180, height: 780 } });
      const page = await context.newPage();
      if (withCore)
        await bindCore(
          page,
          createTestDeps({
            app: {
              productName: 'XS4 Face Space Assistant',
              version: '0.1.0',
              platform: process.platform,
              arch: process.arch,
            },
          }),
        );
      await page.addInitScript({ content: FIRST_RENDER_PROBE });
      await page.goto(server.url);
      await page.waitForFunction('globalThis.__firstRender !== undefined', undefined, { timeout: 10_000 });
      times.push((await page.evaluate('globalThis.__firstRender')) as number);
      await context.close();
    }
  } finally {
    await server.close();
  }
  return times;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 15);
  const bare = await buildBarePage();
  const browser = await launchChromium();
  try {
    // One warm-up each, so neither side pays Chromium's first-launch costs.
    await measure(browser, bare, 1, false);
    await measure(browser, RENDERER_DIR, 1, true);
    const bareTimes = await measure(browser, bare, runs, false);
    const appTimes = await measure(browser, RENDERER_DIR, runs, true);
    const ratio = median(appTimes) / median(bareTimes);
    console.log(
      `first render (median of ${runs}): bare React ${median(bareTimes).toFixed(1)} ms, app ${median(appTimes).toFixed(1)} ms`,
    );
    console.log(`ratio ${ratio.toFixed(2)} (budget ≤ ${FIRST_RENDER_RATIO_BUDGET})`);
    if (ratio > FIRST_RENDER_RATIO_BUDGET) process.exitCode = 1;
  } finally {
    await browser.close();
    rmSync(join(bare, '..'), { recursive: true, force: true });
  }
}

await main();
