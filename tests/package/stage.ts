// Offline packaging harness: stage a copy of the project, build it, and run electron-builder --linux --dir against a stub Electron.
// Staging keeps the real dist/ untouched while other test projects read it, and packs exactly what a fresh checkout would.
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = resolve(import.meta.dirname, '..', '..');

/** What the build and packaging read: sources, build scripts, configuration and resources. Tests, docs and fixtures are not copied. */
const STAGED = [
  'package.json',
  'package-lock.json',
  'electron-builder.yml',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'contract',
  'messages',
  'main',
  'preload',
  'renderer',
  'scripts',
  'resources',
  'bin',
];

export interface PackResult {
  stage: string;
  appOutDir: string;
  asarPath: string;
  log: string;
}

/** Node of this test run first on PATH, so the child tools run on the project's Node 24, not whatever `node` the machine has. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    ...extra,
  };
  delete env.XS4_BUILD_KIND; // release kind, as `npm run dist` builds it
  delete env.ELECTRON_BUILDER_ALLOW_UNRESOLVED_DEPENDENCIES;
  return env;
}

/**
 * A stand-in for the unpacked Electron distribution electron-builder copies: an `electron` executable (a shell
 * script that cannot run anything), LICENSE, version and two locales. It has no fuse wire, which the fuse
 * hook reports and skips only because XS4_PACKAGE_STUB_ELECTRON=1 says so.
 */
export function makeStubElectron(root: string, version: string): string {
  const dir = join(root, 'electron-stub');
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  writeFileSync(
    join(dir, 'electron'),
    '#!/bin/sh\necho "stub Electron for the offline package check: it cannot run" >&2\nexit 1\n',
  );
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(
    join(dir, 'LICENSE'),
    'Stub Electron distribution used by tests/package; the real one is MIT licensed.\n',
  );
  writeFileSync(join(dir, 'version'), `${version}\n`);
  for (const locale of ['en-US', 'es', 'de', 'fr']) writeFileSync(join(dir, 'locales', `${locale}.pak`), '');
  return dir;
}

export async function stageAndPack(electronVersion: string): Promise<PackResult> {
  const stage = mkdtempSync(join(tmpdir(), 'xs4-package-'));
  for (const entry of STAGED) {
    if (existsSync(join(REPO, entry))) cpSync(join(REPO, entry), join(stage, entry), { recursive: true });
  }
  symlinkSync(join(REPO, 'node_modules'), join(stage, 'node_modules'), 'dir');
  const logs: string[] = [];
  const build = await run(process.execPath, ['scripts/build.mjs'], {
    cwd: stage,
    env: childEnv({}),
    maxBuffer: 64 * 1024 * 1024,
  });
  logs.push(build.stdout, build.stderr);
  const stub = makeStubElectron(stage, electronVersion);
  const builder = join(stage, 'node_modules', '.bin', 'electron-builder');
  const args = [
    '--linux',
    '--dir',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${stub}`,
    `-c.directories.output=${join(stage, 'release')}`,
  ];
  try {
    const packed = await run(builder, args, {
      cwd: stage,
      env: childEnv({ XS4_PACKAGE_STUB_ELECTRON: '1', CI: 'true' }),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    });
    logs.push(packed.stdout, packed.stderr);
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`electron-builder failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`, {
      cause: error,
    });
  }
  const appOutDir = join(stage, 'release', 'linux-unpacked');
  return { stage, appOutDir, asarPath: join(appOutDir, 'resources', 'app.asar'), log: logs.join('\n') };
}
