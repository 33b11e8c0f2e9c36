// The renderer budget check counts the entry and its static imports (not lazy chunks) and fails above 250 KB gzip.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { initialScripts, measure } from '../../../scripts/check-bundle-size.mjs';

function site(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const html =
  '<!doctype html><script type="module" crossorigin src="./assets/index.js"></script><link rel="modulepreload" crossorigin href="./assets/vendor.js">';

describe('check-bundle-size', () => {
  it('follows static imports and leaves lazy chunks out', () => {
    const dir = site({
      'index.html': html,
      'assets/index.js':
        'import{a as b}from"./shared.js";import"./vendor.js";const l=()=>import("./lazy.js");',
      'assets/vendor.js': 'export const v=1;',
      'assets/shared.js': 'export const a=2;',
      'assets/lazy.js': 'export const z=3;',
    });
    const names = (initialScripts(dir) as string[]).map((f) => f.slice(dir.length + 1)).sort();
    expect(names).toEqual(['assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
    expect(measure(dir).gzip).toBeGreaterThan(0);
  });

  it('fails above the budget and prints the number', () => {
    // Random bytes do not compress: 300 KB of them is over 250 KB gzip.
    const dir = site({
      'index.html': html,
      'assets/index.js': `const s="${randomBytes(300 * 1024).toString('base64')}";`,
      'assets/vendor.js': '',
    });
    const run = spawnSync(process.execPath, ['scripts/check-bundle-size.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/renderer initial JavaScript \d+\.\d KB gzip .* OVER the 250\.0 KB budget/);
  });

  it('passes a small page', () => {
    const dir = site({ 'index.html': html, 'assets/index.js': 'console.log(1)', 'assets/vendor.js': '' });
    const run = spawnSync(process.execPath, ['scripts/check-bundle-size.mjs', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('within the 250.0 KB budget');
  });
});
