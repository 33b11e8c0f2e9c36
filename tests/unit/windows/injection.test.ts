// Hostile values through every parameter that reaches PowerShell: decode what would run, parse it, and show each value only ever inside a base64 literal.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { CURATED, hostileArb, LONG } from '../../helpers/hostile-values';
import type { Node } from 'web-tree-sitter';
import { parsePowerShell } from '../../helpers/powershell-parser';
import { QUERY_SCRIPTS, readScript } from '../../../main/core/windows/ps-scripts';
import { buildQueryCommand } from '../../../main/core/windows/ps-session';
import { buildElevatedArgs, type InnerSpec } from '../../../main/core/windows/elevated-wrapper';
import { decodeWrapperArgs } from '../../helpers/elevated-standin';
import { AppError } from '../../../main/core/errors';

type Shape = string;
/** The tree's structure with the text of string literals removed: identical shapes mean the data changed no code. */
function shapeOf(root: Node): Shape {
  const ids: number[] = [];
  const c = root.walk();
  // Depth-first over every node (named or not) with a cursor: the same walk allNodes does, without allocating nodes.
  for (;;) {
    ids.push(c.nodeTypeId);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) return ids.join(' ');
    }
  }
}

const LITERAL_TYPES = [
  'verbatim_string_characters',
  'expandable_string_literal',
  'verbatim_here_string_characters',
  'expandable_here_string_literal',
];
function literalTexts(root: Node): string[] {
  return root.descendantsOfType(LITERAL_TYPES).flatMap((n) => (n ? [n.text] : []));
}

/** Asserts: parses cleanly, same shape as the benign baseline, every literal that differs is pure base64, the text outside them is unchanged. */
const baselines = new Map<string, { shape: Shape; literals: Set<string> }>();
async function baselineOf(text: string): Promise<{ shape: Shape; literals: Set<string> }> {
  let b = baselines.get(text);
  if (!b) {
    const parsed = await parsePowerShell(text);
    expect(parsed.problems).toEqual([]);
    b = { shape: shapeOf(parsed.root), literals: new Set(literalTexts(parsed.root)) };
    baselines.set(text, b);
  }
  return b;
}

async function assertOnlyInLiterals(text: string, baseline: string): Promise<void> {
  const t = await parsePowerShell(text);
  const b = await baselineOf(baseline);
  expect(t.problems).toEqual([]);
  expect(shapeOf(t.root)).toBe(b.shape);
  const baseLiterals = b.literals;
  for (const lit of literalTexts(t.root)) {
    if (baseLiterals.has(lit)) continue;
    expect(lit).toMatch(/^'[A-Za-z0-9+/=]*'$/);
  }
  // Outside the base64 literals the text is byte-for-byte the fixed template.
  const outside = (s: string): string => s.replace(/'[A-Za-z0-9+/=]*'/g, "''");
  expect(outside(text)).toBe(outside(baseline));
}

function b64Literals(text: string): string[] {
  return [
    ...text.matchAll(/FromBase64String\('([A-Za-z0-9+/=]*)'\)|-EncodedParams '([A-Za-z0-9+/=]*)'/g),
  ].map((m) => m[1] ?? m[2] ?? '');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A value that could not arrive byte-identical (half a surrogate pair) is refused, naming the field. */
function refusedIfIllFormed(value: string, build: () => unknown): boolean {
  if (!LONE_SURROGATE.test(value)) return false;
  let code = 'OK';
  try {
    build();
  } catch (e) {
    code = (e as AppError).code;
  }
  expect(code).toBe('INVALID_INPUT');
  return true;
}

async function checkQuery(value: string): Promise<void> {
  if (refusedIfIllFormed(value, () => buildQueryCommand('', { path: value }))) return;
  for (const script of QUERY_SCRIPTS) {
    const scriptText = readScript('resources', script);
    // Every parameter any query script reads, all at once.
    const params = (v: string) => ({
      serviceName: v,
      path: v,
      port: v,
      portCandidates: [{ path: v, pattern: v }],
    });
    const text = buildQueryCommand(scriptText, params(value));
    await assertOnlyInLiterals(text, buildQueryCommand(scriptText, params('x')));
    // The parameters are the last literal (the script text travels as the first).
    const lit = b64Literals(text).at(-1);
    expect(JSON.parse(Buffer.from(lit ?? '', 'base64').toString('utf8'))).toEqual(
      JSON.parse(JSON.stringify(params(value))),
    );
  }
}

function spec(v: string): InnerSpec {
  return {
    target: `C:\\s\\${v}.ps1`,
    params: { [v.length > 0 ? v : 'p']: v, Name: v, List: [v, v] },
    logPath: `C:\\t\\${v}\\run.log`,
    statusPath: `C:\\t\\${v}\\status.txt`,
    cancelPath: `C:\\t\\${v}\\cancel.flag`,
    secret: { file: `C:\\t\\${v}\\secret.txt`, param: v },
    sha256: 'ab'.repeat(32),
    nonce: 'cd'.repeat(16),
    powershellExe: `C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\${v}powershell.exe`,
  };
}

async function checkElevated(value: string): Promise<void> {
  if (refusedIfIllFormed(value, () => buildElevatedArgs(spec(value), true))) return;
  const d = decodeWrapperArgs(buildElevatedArgs(spec(value), true));
  const base = decodeWrapperArgs(buildElevatedArgs(spec('x'), true));
  await assertOnlyInLiterals(d.outer, base.outer);
  await assertOnlyInLiterals(d.inner, base.inner);
  expect(d.innerData.target).toBe(`C:\\s\\${value}.ps1`);
  expect(d.innerData.params.Name).toBe(value);
  expect(d.innerData.params.List).toEqual([value, value]);
  expect(d.innerData.secretParam).toBe(value);
  expect(d.innerData.cancel).toBe(`C:\\t\\${value}\\cancel.flag`);
}

describe('injection: values only ever inside base64 literals', () => {
  it(`curated hostile values through the session (${CURATED.length + LONG.length}) and the elevated runner (${CURATED.length})`, async () => {
    for (const v of [...CURATED, ...LONG]) await checkQuery(v);
    // The elevated command line is bounded (see the last test) and the value sits in ten places at once here.
    for (const v of CURATED) await checkElevated(v.slice(0, 40));
  }, 120_000);

  it('property-based: 150 arbitrary strings through every parameter', async () => {
    await fc.assert(
      fc.asyncProperty(hostileArb, async (v) => {
        await checkQuery(v);
        await checkElevated(v);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('the proof can fail: a value spliced into script text changes the shape', async () => {
    const spliced = (v: string) => `Write-Output '${v}'`;
    const t = await parsePowerShell(spliced("x'; calc; '"));
    const b = await parsePowerShell(spliced('x'));
    expect(shapeOf(t.root)).not.toBe(shapeOf(b.root));
  });

  it('refuses values too long for a Windows command line with a stable code', () => {
    // Random text: the inner script is gzipped, so a repetitive value would compress away.
    const long = randomBytes(20_000).toString('hex');
    expect(() => buildElevatedArgs(spec(long), true)).toThrowError(AppError);
    try {
      buildElevatedArgs(spec(long), true);
    } catch (e) {
      expect((e as AppError).code).toBe('ELEVATED_COMMAND_TOO_LONG');
    }
  });
});
