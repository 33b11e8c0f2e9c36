// Reports name the XS4 Face site and server the run worked on, as the Console names them.
import { describe, expect, it } from 'vitest';
import { en } from '../../../messages/render';
import { reportModel } from '../../../main/core/report/report-model';
import {
  evaluateFaceSignedIn,
  type FaceSignedInEvidence,
} from '../../../main/core/checks/face/face-signed-in';
import type { RunResult } from '../../../main/core/checks/run-result';

const evidence: FaceSignedInEvidence = {
  user: 'technician@contoso.example',
  apiVersion: '1',
  servers: [
    {
      siteId: 'site-1',
      siteName: 'Main building',
      serverId: 'face-1',
      serverName: 'Reception server',
      online: true,
      pendingMessages: 0,
    },
    {
      siteId: 'site-2',
      siteName: 'Car park',
      serverId: 'face-3',
      serverName: 'Gate server',
      online: true,
      pendingMessages: 2,
    },
  ],
  selected: { siteId: 'site-2', serverId: 'face-3' },
  selectionError: null,
  error: null,
};

function run(e: FaceSignedInEvidence | undefined): RunResult {
  const result = e ? evaluateFaceSignedIn(e) : { status: 'skip' as const, summary: 'not run' };
  return {
    mode: 'evidence',
    startedAt: '2026-12-01T10:00:00.000Z',
    finishedAt: '2026-12-01T10:00:01.000Z',
    order: ['face.signed-in'],
    byId: {
      'face.signed-in': {
        id: 'face.signed-in',
        title: 'Signed in to XS4 Face',
        outcome: e ? 'collected' : 'not-run',
        ...(e ? { evidence: e } : {}),
        result,
        durationMs: 5,
      },
    },
    counts: { pass: e ? 1 : 0, warn: 0, fail: 0, skip: e ? 0 : 1 },
    cancelled: false,
    deadlineReached: false,
  };
}

const meta = { toolVersion: '0.1.0', generatedAt: new Date('2026-12-01T10:00:02Z'), inputs: [], secrets: [] };

describe('report model', () => {
  it('adds the chosen site › server row, and the check says how many messages are pending', () => {
    const m = reportModel(run(evidence), meta);
    const row = m.inputs.find((i) => i.label.key === 'report.input.faceSiteServer');
    expect(row && en(row.value)).toBe('Car park › Gate server (site-2/face-3, online)');
    expect(en(m.checks[0]!.summary)).toBe(
      'Signed in as technician@contoso.example; working on Car park › Gate server (2 pending messages)',
    );
  });

  it('adds no row when the sign-in check has no evidence', () => {
    expect(reportModel(run(undefined), meta).inputs).toEqual([]);
  });
});
