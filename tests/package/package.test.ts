// The offline package check: electron-builder's own validator on the configuration, then a real --linux --dir build
// (stub Electron) whose app.asar is listed and checked for what must and must not ship.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { requiredModules } from './requires';
import { REPO, stageAndPack, type PackResult } from './stage';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
};
const electronVersion = pkg.devDependencies.electron ?? '';

async function loadConfig(): Promise<Configuration> {
  return getConfig(REPO, join(REPO, 'electron-builder.yml'), null);
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when an option is misspelt (the validator is really checking)', async () => {
    const config = await loadConfig();
    const broken = { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /does not match the API schema[\s\S]*configuration\.nsis/,
    );
  });

  it('builds a per-machine-capable x64 NSIS installer that runs as invoker, names the version, and flips fuses after packing', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe('./scripts/package/after-pack.mjs');
    expect(config.win?.requestedExecutionLevel).toBe('asInvoker');
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win?.icon).toBe('resources/icons/icon.ico');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
    });
    expect(config.nsis?.artifactName).toContain('${version}');
    expect(config.win?.artifactName).toContain('${version}');
    expect(config.forceCodeSigning).toBe(false);
    expect(config.extraResources).toEqual([
      { from: 'resources/powershell', to: 'powershell', filter: ['**/*.ps1', '**/*.psm1', '**/*.psd1'] },
    ]);
    const scripts = (
      JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.dist).toBe(
      'npm run build && npm run build:cli-exe -- --target win-x64 && electron-builder --win --x64 --publish never',
    );
    for (const icon of ['icon.ico', 'icon.png'])
      expect(statSync(join(REPO, 'resources', 'icons', icon)).size).toBeGreaterThan(1000);
  });
});

describe('packaged app (electron-builder --linux --dir, stub Electron)', () => {
  let packed: PackResult;
  let entries: string[];

  beforeAll(async () => {
    packed = await stageAndPack(electronVersion);
    entries = listPackage(packed.asarPath, { isPack: false }).map((p) => p.replaceAll('\\', '/'));
  });
  afterAll(() => {
    if (packed) rmSync(packed.stage, { recursive: true, force: true });
  });

  it('reports the asar size', () => {
    const bytes = statSync(packed.asarPath).size;
    console.log(
      `[package] app.asar: ${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes), ${entries.length} entries, Electron ${electronVersion}`,
    );
    expect(bytes).toBeGreaterThan(0);
    // Everything is bundled JavaScript and static assets; tens of MB would mean node_modules or media slipped in.
    expect(bytes).toBeLessThan(30 * 1024 * 1024);
  });

  it('contains the built main process, preload and renderer', () => {
    expect(entries).toContain('/dist/main/index.cjs');
    expect(entries).toContain('/dist/preload/index.cjs');
    expect(entries).toContain('/dist/renderer/index.html');
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    if (existsSync(join(REPO, 'main', 'cli.ts'))) expect(entries).toContain('/dist/cli/cli.cjs');
  });

  it('renderer page references only assets that are in the asar', () => {
    const html = extractFile(packed.asarPath, 'dist/renderer/index.html').toString('utf8');
    const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `/dist/renderer/${m[1]}`);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(entries).toContain(ref);
  });

  it('ships no tests, sources, source maps, fixtures, docs, scripts or dependency folders', () => {
    const forbidden = entries.filter(
      (e) =>
        /^\/(tests|main|preload|renderer|scripts|docs|resources|coverage|release|\.github|\.ci)(\/|$)/.test(
          e,
        ) ||
        /\.(ts|tsx|map)$/.test(e) ||
        /fixtures/.test(e) ||
        /(^|\/)node_modules(\/|$)/.test(e),
    );
    expect(forbidden).toEqual([]);
    const topLevel = new Set(entries.map((e) => e.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['dist', 'package.json']);
  });

  it('bundles need nothing but Node built-ins and electron at run time (no dev or other dependency is loaded)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
    const bundles = entries.filter((e) => /^\/dist\/(main|preload|cli)\/.+\.cjs$/.test(e));
    expect(bundles.length).toBeGreaterThanOrEqual(2);
    for (const bundle of bundles) {
      const code = extractFile(packed.asarPath, bundle.slice(1)).toString('utf8');
      const required = requiredModules(code, bundle);
      expect(required, `${bundle} should at least require electron or a built-in`).not.toEqual([]);
      const outside = required.filter(
        (name) => !builtins.has(name) && !name.startsWith('.') && !builtins.has(name.split('/')[0] ?? ''),
      );
      expect(outside, `${bundle} requires packages that are not in the asar`).toEqual([]);
    }
  });

  it('ships a package.json without scripts or devDependencies, with the release version', () => {
    const shipped = JSON.parse(extractFile(packed.asarPath, 'package.json').toString('utf8')) as Record<
      string,
      unknown
    >;
    expect(shipped.version).toBe(pkg.version);
    expect(shipped.main).toBe('dist/main/index.cjs');
    expect(shipped).not.toHaveProperty('devDependencies');
    expect(shipped).not.toHaveProperty('scripts');
  });

  it('copies the PowerShell scripts beside the asar', () => {
    const source = join(REPO, 'resources', 'powershell');
    const scripts = existsSync(source)
      ? readdirSync(source, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.ps1'))
      : [];
    const shipped = join(packed.appOutDir, 'resources', 'powershell');
    if (scripts.length === 0) {
      expect(existsSync(shipped) ? readdirSync(shipped) : []).toEqual([]);
      return;
    }
    const copied = readdirSync(shipped, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ps1'));
    expect(copied.length).toBeGreaterThanOrEqual(1);
    expect(copied.sort()).toEqual(scripts.sort());
  });

  it('keeps only the UI languages of Chromium', () => {
    expect(readdirSync(join(packed.appOutDir, 'locales')).sort()).toEqual(['en-US.pak', 'es.pak']);
  });

  it('ran the fuse hook, which skipped the stub loudly', () => {
    expect(packed.log).toMatch(/\[fuses\] SKIPPED for .*xs4-space-assistant: it has no fuse wire/);
    expect(existsSync(join(packed.appOutDir, 'xs4-space-assistant'))).toBe(true);
  });
});
