// Bundles the CLI and builds the xs4-setup executables for each target (see sea.mjs), then runs the one for this machine once.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nodeBundle } from './bundle-options.mjs';
import { REPO, exeName, hostTarget, TARGETS } from './node-binary.mjs';
import { buildSea, makeBlob } from './sea.mjs';

export const DEFAULT_OUT = join(REPO, 'release-cli');

/** The targets a plain `npm run build:cli-exe` builds here: this machine's (to test it) and always Windows (to ship it). */
export function defaultTargets() {
  return [...new Set([hostTarget(), 'win-x64'].filter(Boolean))];
}

/** Bundles `entry` into one CommonJS file that needs nothing but Node built-ins (a SEA can require nothing else). */
export async function bundleForSea(entry, outdir) {
  const result = await build({
    ...nodeBundle(resolve(REPO, entry), outdir, 'xs4-setup'),
    sourcemap: false,
    metafile: true,
  });
  const outFile = join(outdir, 'xs4-setup.cjs');
  const external = new Set();
  for (const out of Object.values(result.metafile.outputs))
    for (const imp of out.imports) if (imp.external) external.add(imp.path);
  const foreign = [...external].filter((m) => !isBuiltin(m));
  if (foreign.length)
    throw new Error(
      `${entry}: the bundle needs ${foreign.join(', ')}, which a single executable cannot load.`,
    );
  return outFile;
}

/**
 * Builds xs4-setup for `targets` into `<outDir>/<target>/`. `entry` is the CLI's entry (main/cli.ts; tests build one
 * with their test-only checks the same way). Returns the build records (file, size, sha256, signed …).
 */
export async function buildCliExecutables({
  entry = 'main/cli.ts',
  outDir = DEFAULT_OUT,
  targets = defaultTargets(),
  signing = null,
  name,
  log = () => {},
} = {}) {
  for (const t of targets)
    if (!TARGETS.includes(t)) throw new Error(`unknown target "${t}" (known: ${TARGETS.join(', ')})`);
  const appVersion = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;
  const work = mkdtempSync(join(tmpdir(), 'xs4-cli-bundle-'));
  try {
    const blob = makeBlob(await bundleForSea(entry, work));
    const built = [];
    for (const target of targets) {
      const file = join(
        outDir,
        target,
        name ? `${name}${target.startsWith('win-') ? '.exe' : ''}` : exeName(target),
      );
      built.push(buildSea({ blob, target, output: file, signing, appVersion, log }));
    }
    const mine = built.find((b) => b.target === hostTarget());
    if (mine) {
      const r = spawnSync(mine.file, ['--version'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      if (r.status !== 0 || r.stdout.trim() !== appVersion)
        throw new Error(
          `${mine.file} --version printed "${r.stdout.trim()}" (exit ${r.status}), expected ${appVersion}. ${r.stderr ?? ''}`,
        );
      log(`${mine.target}: ${mine.file} --version → ${appVersion}`);
    }
    return built;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
