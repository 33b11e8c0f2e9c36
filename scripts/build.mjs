// Builds everything the app ships: main and CLI (Node, bundled), preload (bundled: a sandboxed preload cannot require packages), renderer (vite).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

rmSync('dist', { recursive: true, force: true });

await Promise.all([
  esbuild({ ...common, entryPoints: { index: 'main/index.ts' }, outdir: 'dist/main', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  esbuild({ ...common, entryPoints: { cli: 'main/cli.ts' }, outdir: 'dist/cli', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  esbuild({ ...common, entryPoints: { index: 'preload/index.ts' }, outdir: 'dist/preload', format: 'cjs', outExtension: { '.js': '.cjs' }, external: ['electron'], platform: 'browser', target: 'chrome140' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/main, dist/preload, dist/cli, dist/renderer');
