// How the npm audit gate reads npm's JSON: real findings block, an unreachable endpoint is reported as such.
import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../../../scripts/security/audit.mjs';

const report = (vulnerabilities: Record<string, unknown>, counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts },
    },
  });

describe('judgeAudit', () => {
  it('passes a clean report', () => {
    expect(judgeAudit(report({}, {}))).toEqual({
      status: 'audited',
      counts: expect.objectContaining({ high: 0, critical: 0 }),
      blocking: [],
    });
  });

  it('blocks on high and critical advisories and names them', () => {
    const verdict = judgeAudit(
      report(
        {
          'fast-xml-parser': {
            name: 'fast-xml-parser',
            severity: 'high',
            via: [{ title: 'Prototype pollution' }],
          },
          debug: { name: 'debug', severity: 'moderate', via: [{ title: 'ReDoS' }] },
          ws: { name: 'ws', severity: 'critical', via: ['other-package'] },
        },
        { high: 1, critical: 1, moderate: 1 },
      ),
    );
    expect(verdict.status).toBe('audited');
    if (verdict.status !== 'audited') return;
    expect(verdict.blocking.map((b) => `${b.severity}:${b.name}`).sort()).toEqual([
      'critical:ws',
      'high:fast-xml-parser',
    ]);
    expect(verdict.blocking.find((b) => b.name === 'fast-xml-parser')?.title).toBe('Prototype pollution');
  });

  it('does not block on moderate or low advisories', () => {
    const verdict = judgeAudit(
      report({ debug: { name: 'debug', severity: 'moderate', via: [] } }, { moderate: 1 }),
    );
    expect(verdict).toMatchObject({ status: 'audited', blocking: [] });
  });

  it('reports an endpoint error (as this machine gets: 405 on the bulk advisory API) as unreachable, not as clean', () => {
    const stdout = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '' },
    });
    expect(judgeAudit(stdout)).toEqual({
      status: 'unreachable',
      reason: expect.stringContaining('405 Method Not Allowed'),
    });
    expect(judgeAudit('')).toMatchObject({ status: 'unreachable' });
  });
});
