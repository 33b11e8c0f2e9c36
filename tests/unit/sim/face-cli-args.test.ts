// The simulator's command line: every flag parsed, every bad value refused with the flag and the rule.
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../scripts/sim/face/cli-args';

const bad = (argv: string[]): string => {
  try {
    parseArgs(argv, {});
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('sim:face arguments', () => {
  it('parses ports, faults and the token from the environment only', () => {
    const o = parseArgs(
      [
        '--port',
        '9443',
        '--latency',
        '50',
        '--pending',
        '2000',
        '--fail',
        'sites=500',
        '--fail',
        '*=503',
        '--drop',
        'whoami',
        '--garbage',
        'enrollment.get=html',
        '--ignore-writes',
        '--ship-timeout',
        '900',
      ],
      { FACE_SIM_TOKEN: 'tok' },
    );
    expect(o.port).toBe(9443);
    expect(o.token).toBe('tok');
    expect(o.shipTimeoutMs).toBe(900);
    expect(o.faults).toMatchObject({
      latencyMs: 50,
      pendingMs: 2000,
      status: { sites: 500, '*': 503 },
      drop: ['whoami'],
      garbage: { 'enrollment.get': 'html' },
      ignoreWrites: true,
    });
  });

  it('refuses bad values naming the flag', () => {
    expect(bad(['--port', '0'])).toMatch(/^--port: must be from 1 to 65535/);
    expect(bad(['--port', '65536'])).toMatch(/--port/);
    expect(bad(['--port', 'abc'])).toMatch(/--port: needs a whole number/);
    expect(bad(['--port'])).toMatch(/--port/);
    expect(bad(['--fail', 'nope=500'])).toMatch(/--fail: unknown route "nope"/);
    expect(bad(['--fail', 'sites=99'])).toMatch(/--fail/);
    expect(bad(['--garbage', 'sites=poison'])).toMatch(/--garbage: kind must be one of/);
    expect(bad(['--space-fingerprint', 'abc'])).toMatch(/--space-fingerprint/);
    expect(bad(['--cert', '/no/such/file.pem'])).toMatch(/--cert: cannot read/);
    expect(bad(['--token', 'x'])).toMatch(/unknown option --token/);
  });

  it("--two-sites gives two sites and three servers; --oidc-* accept a provider's tokens", () => {
    const o = parseArgs(
      ['--two-sites', '--oidc-issuer', 'https://127.0.0.1:8444/', '--oidc-audience', 'api://x'],
      {},
    );
    expect(o.initialState?.sites.map((s) => s.servers.length)).toEqual([2, 1]);
    expect(o.oidc).toEqual({ issuer: 'https://127.0.0.1:8444', audience: 'api://x' });
    expect(parseArgs(['--oidc-issuer', 'https://idp.test'], {}).oidc?.audience).toBe('api://xs4face-sim');
    expect(bad(['--oidc-issuer', 'http://idp.test'])).toContain('--oidc-issuer: needs an https:// URL');
    expect(bad(['--oidc-audience', 'api://x'])).toContain('need --oidc-issuer');
  });
});
