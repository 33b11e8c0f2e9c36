// Security gate: Electronegativity scan of the Electron sources (main, preload, renderer). Fails on any finding that the
// committed baseline (scripts/security/electronegativity-baseline.json) does not justify, and on any file it could not parse.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const BASELINE = 'scripts/security/electronegativity-baseline.json';
export const SCANNED = ['main', 'preload', 'renderer'];
const SHELL_ENTRIES = ['main/index.ts', 'preload/index.ts', 'renderer/index.html'];
// Needs the Electron release list from the internet; the Electron version is pinned in package.json and bumped on purpose.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** A finding is justified by a baseline entry with the same check id and file, whose sample (if given) it contains. */
export function matchBaseline(findings, baseline) {
  const problems = baseline
    .filter((b) => typeof b.justification !== 'string' || b.justification.trim().length < 20)
    .map((b) => `baseline entry ${b.id} ${b.file} has no real justification`);
  const used = new Set();
  const unjustified = [];
  for (const f of findings) {
    const index = baseline.findIndex(
      (b) => b.id === f.id && b.file === f.file && (!b.sample || (f.sample ?? '').includes(b.sample)),
    );
    if (index === -1) unjustified.push(f);
    else used.add(index);
  }
  const stale = baseline.filter((_, i) => !used.has(i));
  return { unjustified, stale, problems };
}

/** Runs Electronegativity's own runner on a copy of the sources; the network look-ups are cut off (scripts/security/offline-got.mjs). */
export async function scan(root, electronVersion) {
  await import('./offline-got.mjs');
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const stage = mkdtempSync(join(tmpdir(), 'xs4-electronegativity-'));
  try {
    for (const dir of SCANNED)
      if (existsSync(join(root, dir))) cpSync(join(root, dir), join(stage, dir), { recursive: true });
    const quiet = console.log;
    console.log = () => undefined; // the runner prints translation/connectivity notes we already know about
    let result;
    try {
      result = await run(
        {
          input: stage,
          isRelative: true,
          electronVersionOverride: electronVersion,
          excludeFromScan: EXCLUDED_CHECKS,
          customScan: [],
        },
        false,
      );
    } finally {
      console.log = quiet;
    }
    const findings = result.issues.map((i) => ({
      id: i.id,
      file: String(i.file ?? 'N/A')
        .replace(/\\/g, '/')
        .replace(/^\.?\//, ''),
      location: i.location ? `${i.location.line}:${i.location.column}` : '0:0',
      severity: i.severity?.name ?? String(i.severity),
      confidence: i.confidence?.name ?? String(i.confidence),
      sample: typeof i.sample === 'string' ? i.sample.trim() : '',
      description: i.description ?? '',
    }));
    const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`);
    return { findings, parseErrors, checks: result.globalChecks + result.atomicChecks };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = process.cwd();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const electronVersion = pkg.devDependencies.electron;
  const baseline = JSON.parse(readFileSync(join(root, BASELINE), 'utf8'));
  // Before the shell exists there is no app to scan; the global checks would report the missing shell itself.
  if (!SHELL_ENTRIES.some((entry) => existsSync(join(root, entry)))) {
    console.log(
      `[electronegativity] none of ${SHELL_ENTRIES.join(', ')} exists yet: no Electron app to scan.`,
    );
    process.exit(0);
  }
  const { findings, parseErrors, checks } = await scan(root, electronVersion);
  const { unjustified, stale, problems } = matchBaseline(findings, baseline);
  console.log(
    `[electronegativity] ${checks} checks on ${SCANNED.join(', ')} (Electron ${electronVersion}): ${findings.length} findings, ${findings.length - unjustified.length} justified in ${BASELINE}.`,
  );
  for (const s of stale)
    console.log(
      `[electronegativity] note: baseline entry no longer matches anything (remove it): ${s.id} ${s.file}`,
    );
  for (const e of parseErrors) console.error(`[electronegativity] could not parse ${e}`);
  for (const p of problems) console.error(`[electronegativity] ${p}`);
  for (const f of unjustified)
    console.error(
      `[electronegativity] UNJUSTIFIED ${f.id} (${f.severity}/${f.confidence}) ${f.file}:${f.location} ${f.sample.slice(0, 120)}\n    ${f.description}`,
    );
  if (unjustified.length > 0 || parseErrors.length > 0 || problems.length > 0) {
    console.error(
      '[electronegativity] FAILED: fix the finding, or justify it in the baseline (id, file, sample, justification).',
    );
    process.exit(1);
  }
}
