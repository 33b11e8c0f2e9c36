// docs/licenses.md is generated from the production dependency tree and must be current; the tree walk matches npm's own view.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  LICENSES_DOC,
  licenseOf,
  productionPackages,
  renderLicenses,
} from '../../../scripts/security/licenses.mjs';

const REPO = resolve(import.meta.dirname, '..', '..', '..');

/** npm's flattened list of production packages (local: `npm ls` reads node_modules and the lockfile). */
function npmProductionTree(): Set<string> {
  const cli = process.env.npm_execpath;
  const [cmd, prefix] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  const out = execFileSync(cmd, [...prefix, 'ls', '--omit=dev', '--all', '--json'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  const found = new Set<string>();
  const walk = (
    deps:
      | Record<string, { version?: string; extraneous?: boolean; dependencies?: Record<string, unknown> }>
      | undefined,
  ): void => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      // Not in the lockfile's tree (e.g. left by the `node` package's preinstall in a fresh clone): not shipped.
      if (node.extraneous === true) continue;
      if (node.version) found.add(`${name}@${node.version}`);
      walk(node.dependencies as never);
    }
  };
  walk((JSON.parse(out) as { dependencies?: never }).dependencies);
  return found;
}

describe('production licences', () => {
  const packages = productionPackages(REPO);

  it('docs/licenses.md is the current output of `npm run licenses`', () => {
    expect(readFileSync(join(REPO, LICENSES_DOC), 'utf8')).toBe(renderLicenses(packages));
  });

  it('lists exactly the packages npm counts as production dependencies', () => {
    expect(new Set(packages.map((p) => `${p.name}@${p.version}`))).toEqual(npmProductionTree());
  });

  it('includes every direct dependency and no build tool', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const names = new Set(packages.map((p) => p.name));
    for (const dep of Object.keys(pkg.dependencies)) expect(names).toContain(dep);
    for (const dev of ['electron', 'electron-builder', 'vitest', 'esbuild', '@electron/fuses'])
      expect(names).not.toContain(dev);
  });

  it('every production package declares a licence', () => {
    expect(packages.filter((p) => p.license === 'UNKNOWN')).toEqual([]);
  });

  it('reads SPDX strings, legacy licence objects and arrays', () => {
    expect(licenseOf({ license: 'MIT' })).toBe('MIT');
    expect(licenseOf({ license: { type: 'BSD-3-Clause' } })).toBe('BSD-3-Clause');
    expect(licenseOf({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe('(MIT OR Apache-2.0)');
    expect(licenseOf({})).toBe('UNKNOWN');
  });
});
