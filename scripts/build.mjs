// Builds everything the app ships: main and CLI (Node, bundled), preload (bundled: a sandboxed preload cannot require packages), renderer (vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { existsSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { nodeBundle as node } from './package/bundle-options.mjs';
import { writeManifest } from './package/ps-manifest.mjs';

rmSync('dist', { recursive: true, force: true });
// The SHA-256 of every shipped PowerShell script, bundled into main and CLI below (inside the asar).
writeManifest();

const targets = [
  ['main/index.ts', node('main/index.ts', 'dist/main', 'index')],
  ['main/cli.ts', node('main/cli.ts', 'dist/cli', 'cli')],
  [
    'preload/index.ts',
    { ...node('preload/index.ts', 'dist/preload', 'index'), platform: 'browser', target: 'chrome140' },
  ],
];
// Entries are built when present, so each part of the app can land on its own.
await Promise.all(targets.filter(([entry]) => existsSync(entry)).map(([, options]) => esbuild(options)));
if (existsSync('renderer/index.html')) {
  await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
  // The renderer's initial-JS budget (250 KB gzip) is part of the build: it prints the number and fails above it.
  const budget = spawnSync(process.execPath, ['scripts/check-bundle-size.mjs', 'dist/renderer'], {
    stdio: 'inherit',
  });
  if (budget.status !== 0) process.exit(budget.status ?? 1);
}
console.log('built dist/main, dist/preload, dist/cli, dist/renderer');
