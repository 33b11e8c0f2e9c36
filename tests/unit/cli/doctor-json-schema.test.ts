// The published JSON Schema of `doctor --json`: generated from the CLI's own zod schema (no drift), and strict enough that
// a fleet tool validating with it (ajv, as here) rejects a document that breaks the contract.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaFileText } from '../../../scripts/schemas/doctor-json-schema';
import { PUBLISHED_SCHEMA, validateDoctorJson } from '../../helpers/doctor-json-schema';

const sample = () => ({
  schema: 'xs4-setup.doctor',
  schemaVersion: 2,
  toolVersion: '0.1.0',
  mode: 'live',
  startedAt: '2026-11-29T10:00:00.000Z',
  finishedAt: '2026-11-29T10:00:02.500Z',
  machineName: 'SPACE-SRV01',
  platform: 'win32',
  inputs: { faceUrl: 'https://face.example/', shipKeyFingerprint: 'sha256:0123abcd', timeoutMs: 5000 },
  counts: { pass: 1, warn: 0, fail: 1, skip: 0 },
  cancelled: false,
  deadlineReached: false,
  exitCode: 1,
  checks: [
    {
      id: 'face.reachable',
      title: 'XS4 Face server reachable over HTTPS',
      status: 'pass',
      summary: 'ok',
      texts: {},
      evidence: 'collected',
      durationMs: 120,
    },
    {
      id: 'space.ship',
      title: 'SHIP answers with the SHIP API key',
      status: 'fail',
      summary: 'SHIP refused the key (401)',
      code: 'SHIP_UNAUTHORIZED',
      remedy: 'Type the key again in Space.',
      texts: { summary: { key: 'checks.space.ship.unauthorized.summary', params: { status: 401 } } },
      evidence: 'collected',
      durationMs: 80,
    },
  ],
  notes: ['No manifest.json: only the evidence files present in the folder were evaluated.'],
  noteTexts: [{ key: 'report.note.noManifest' }],
});

describe('docs/schemas/xs4-setup-doctor.schema.json', () => {
  it('is what `npm run schema:doctor` generates from main/cli/doctor-json.ts (run it after changing the format)', () => {
    expect(readFileSync(PUBLISHED_SCHEMA, 'utf8')).toBe(schemaFileText());
  });

  it('accepts a document of the format', () => {
    expect(validateDoctorJson(sample())).toBe(true);
    // 2: a certificate pinned with --face-fingerprint/--space-fingerprint changed (the verdicts are still printed).
    expect(validateDoctorJson({ ...sample(), exitCode: 2 })).toBe(true);
  });

  const broken: Array<[string, (d: ReturnType<typeof sample>) => unknown]> = [
    ['an exit code the JSON never carries (3 is a bug: no JSON)', (d) => ({ ...d, exitCode: 3 })],
    ['an unknown status', (d) => ({ ...d, checks: [{ ...d.checks[0], status: 'ok' }] })],
    [
      'a secret instead of its fingerprint',
      (d) => ({ ...d, inputs: { ...d.inputs, shipKeyFingerprint: 'the-key-itself' } }),
    ],
    ['a check without evidence kind', (d) => ({ ...d, checks: [{ ...d.checks[0], evidence: undefined }] })],
    ['a time that is not ISO 8601 UTC', (d) => ({ ...d, startedAt: '29/11/2026 10:00' })],
    ['another document', (d) => ({ ...d, schema: 'xs4-setup.history' })],
    ['an unknown field', (d) => ({ ...d, shipKey: 'x' })],
    ['a document of the first version', (d) => ({ ...d, schemaVersion: 1 })],
    ['a catalog text without its key', (d) => ({ ...d, noteTexts: [{ params: {} }] })],
  ];
  for (const [name, mutate] of broken) {
    it(`rejects ${name}`, () => {
      expect(validateDoctorJson(JSON.parse(JSON.stringify(mutate(sample()))))).toBe(false);
    });
  }
});

describe('node scripts/schemas/validate-doctor-json.mjs (for the Windows workflow and fleet tools)', () => {
  it('exits 0 on a valid document and 1 listing what is wrong on an invalid one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xs4-schema-'));
    try {
      const run = (doc: unknown) => {
        const file = join(dir, 'doctor.json');
        writeFileSync(file, JSON.stringify(doc));
        return spawnSync(process.execPath, ['scripts/schemas/validate-doctor-json.mjs', file], {
          encoding: 'utf8',
        });
      };
      const ok = run(sample());
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('valid xs4-setup doctor --json (schemaVersion 2)');
      const bad = run({ ...sample(), exitCode: 3 });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('data/exitCode');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
