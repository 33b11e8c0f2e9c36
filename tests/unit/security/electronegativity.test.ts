// The Electronegativity gate: it finds real misconfigurations, reports unparsable files, and a baseline only excuses what it names.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BASELINE, matchBaseline, scan, type Finding } from '../../../scripts/security/electronegativity.mjs';

const REPO = resolve(import.meta.dirname, '..', '..', '..');

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'xs4-en-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

const finding = (id: string, file: string, sample = ''): Finding => ({
  id,
  file,
  sample,
  location: '1:1',
  severity: 'HIGH',
  confidence: 'FIRM',
  description: '',
});

describe('electronegativity scan', () => {
  it('finds an insecure window in TypeScript sources', async () => {
    const root = project({
      'main/index.ts':
        "import { BrowserWindow } from 'electron';\nconst opts: { n: number } = { n: 1 } satisfies { n: number };\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\nvoid opts;\n",
    });
    const { findings, parseErrors } = await scan(root, '45.5.0');
    expect(parseErrors).toEqual([]);
    const ids = findings.filter((f) => f.file === 'main/index.ts').map((f) => f.id);
    expect(ids, JSON.stringify(findings)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']),
    );
  }, 60_000);

  it('reports a file it cannot parse instead of passing it', async () => {
    const root = project({ 'main/index.ts': 'const = = ;\n' });
    const { parseErrors } = await scan(root, '45.5.0');
    expect(parseErrors.join('\n')).toMatch(/index\.ts/);
  }, 60_000);
});

describe('baseline', () => {
  it('excuses only findings with the same check, file and sample', () => {
    const baseline = [
      {
        id: 'SANDBOX_JS_CHECK',
        file: 'main/window.ts',
        sample: 'mainWindowOptions(',
        justification: 'options come from mainWindowOptions with sandbox: true',
      },
    ];
    const { unjustified, stale } = matchBaseline(
      [
        finding('SANDBOX_JS_CHECK', 'main/window.ts', 'new BrowserWindow(mainWindowOptions(a))'),
        finding('SANDBOX_JS_CHECK', 'main/other.ts', 'new BrowserWindow(mainWindowOptions(a))'),
        finding('SANDBOX_JS_CHECK', 'main/window.ts', 'new BrowserWindow({})'),
      ],
      baseline,
    );
    expect(unjustified.map((f) => `${f.file} ${f.sample}`)).toEqual([
      'main/other.ts new BrowserWindow(mainWindowOptions(a))',
      'main/window.ts new BrowserWindow({})',
    ]);
    expect(stale).toEqual([]);
  });

  it('flags entries without a real justification, and entries that match nothing', () => {
    const { problems, stale } = matchBaseline([], [{ id: 'X', file: 'a.ts', justification: 'ok' }]);
    expect(problems).toEqual(['baseline entry X a.ts has no real justification']);
    expect(stale).toHaveLength(1);
  });

  it('the committed baseline justifies every entry', () => {
    const baseline = JSON.parse(readFileSync(join(REPO, BASELINE), 'utf8')) as Parameters<
      typeof matchBaseline
    >[1];
    expect(matchBaseline([], baseline).problems).toEqual([]);
  });
});
