// Redaction: registered secret values, Salto-SHIP-Key / Authorization header values (any case), Bearer tokens.
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../main/core/secrets/redact';
import { createMemoryLogger } from '../../../main/core/log/logger';

describe('redactor', () => {
  it('replaces every registered secret wherever it appears', () => {
    const r = createRedactor();
    r.register('S3cr3t-ship-key');
    r.register('S3cr3t-ship-key-longer');
    expect(r.redactText('key=S3cr3t-ship-key; again S3cr3t-ship-key!')).toBe(
      `key=${REDACTED}; again ${REDACTED}!`,
    );
    // The longer secret is replaced whole, not left with a visible tail.
    expect(r.redactText('x S3cr3t-ship-key-longer y')).toBe(`x ${REDACTED} y`);
  });

  it('redacts secrets inside nested objects, arrays and errors', () => {
    const r = createRedactor();
    r.register('tok-abcdef');
    const out = r.redact({
      a: ['tok-abcdef', { b: 'prefix tok-abcdef suffix' }],
      n: 5,
      e: new Error('failed with tok-abcdef'),
    });
    expect(JSON.stringify(out)).not.toContain('tok-abcdef');
    expect((out.e as Error).message).toBe(`failed with ${REDACTED}`);
    expect(out.n).toBe(5);
  });

  it.each([
    ['Salto-SHIP-Key: 0123456789abcdef', 'Salto-SHIP-Key: [redacted]'],
    ['salto-ship-key:0123456789abcdef', 'salto-ship-key:[redacted]'],
    ['SALTO-SHIP-KEY = "0123456789abcdef"', 'SALTO-SHIP-KEY = "[redacted]"'],
    ['Authorization: Bearer eyJhbGciOi.payload.sig', 'Authorization: [redacted]'],
    ['authorization: Basic dXNlcjpwYXNz', 'authorization: [redacted]'],
    ['{"Authorization":"Bearer abc.def.ghi"}', '{"Authorization":"[redacted]"}'],
    ['sent bearer abc123xyz== to server', 'sent bearer [redacted] to server'],
    ['BEARER AAAA.BBBB', 'BEARER [redacted]'],
  ])('redacts header values: %s', (input, expected) => {
    expect(createRedactor().redactText(input)).toBe(expected);
  });

  it('blanks sensitive header keys in header objects, any case', () => {
    const out = createRedactor().redact({
      headers: { 'salto-ship-key': 'k-1234', AUTHORIZATION: 'Token zzz', accept: 'text/xml' },
    });
    expect(out).toEqual({
      headers: { 'salto-ship-key': REDACTED, AUTHORIZATION: REDACTED, accept: 'text/xml' },
    });
  });

  it('ignores very short registered values (they would shred the log)', () => {
    const r = createRedactor();
    r.register('ab');
    expect(r.redactText('about tab')).toBe('about tab');
  });

  it('a redacting logger never stores a registered secret', () => {
    const r = createRedactor();
    const log = createMemoryLogger((v) => r.redact(v));
    r.register('face-token-9f8e7d');
    log.info('calling server with face-token-9f8e7d', {
      headers: { Authorization: 'Bearer face-token-9f8e7d' },
    });
    expect(JSON.stringify(log.records)).not.toContain('face-token-9f8e7d');
  });
});
