// Bodies decoded by what they declare: BOM, then the HTTP charset, then the XML declaration or HTML meta; bytes that
// declare nothing and are not valid UTF-8 are reported, never silently replaced with U+FFFD.
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../main/core/net/charset';
import { AppError } from '../../../main/core/errors';

const ES = 'Licencia no válida para esta opción';
const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
const utf16le = (s: string, bom = true): Buffer =>
  Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string, bom = true): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), be]);
};

function error(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('decodeBody', () => {
  it('follows the HTTP charset (ISO-8859-1, windows-1252, UTF-8, UTF-16)', () => {
    expect(decodeBody(latin1(ES), 'application/xml; charset=ISO-8859-1', 'xml')).toMatchObject({
      text: ES,
      encoding: 'windows-1252',
      declaredBy: 'http',
    });
    // windows-1252 puts € and curly quotes in 0x80–0x9F, where ISO-8859-1 has control characters (WHATWG: the same).
    const w = decodeBody(
      Buffer.from([0x80, 0x20, 0x93, 0x41, 0x94]),
      'text/plain; charset="windows-1252"',
      'text',
    );
    expect(w.text).toBe('€ “A”');
    expect(decodeBody(Buffer.from(ES, 'utf8'), 'text/xml;charset=utf-8', 'xml').text).toBe(ES);
    expect(decodeBody(utf16le(ES, false), 'text/xml; charset=UTF-16LE', 'xml').text).toBe(ES);
  });

  it('takes a byte-order mark over everything else (UTF-8, UTF-16LE, UTF-16BE)', () => {
    expect(
      decodeBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ES)]), undefined, 'xml'),
    ).toMatchObject({
      text: ES,
      declaredBy: 'bom',
    });
    expect(decodeBody(utf16le(`<a>${ES}</a>`), 'application/xml', 'xml').text).toBe(`<a>${ES}</a>`);
    expect(decodeBody(utf16be(`<a>${ES}</a>`), undefined, 'xml')).toMatchObject({
      text: `<a>${ES}</a>`,
      encoding: 'utf-16be',
    });
  });

  it('reads the XML declaration when HTTP says nothing, also in UTF-16 without a BOM', () => {
    const doc = `<?xml version="1.0" encoding="ISO-8859-1"?><m>${ES}</m>`;
    expect(decodeBody(latin1(doc), 'application/vnd.saltosystems.ship.v1+xml', 'xml')).toMatchObject({
      text: doc,
      declaredBy: 'xml',
    });
    const u16 = `<?xml version="1.0" encoding="UTF-16"?><m>${ES}</m>`;
    expect(decodeBody(utf16le(u16, false), undefined, 'xml').text).toBe(u16);
    expect(decodeBody(utf16be(u16, false), undefined, 'xml').text).toBe(u16);
  });

  it('reads <meta charset> and <meta http-equiv> in the first KiB of HTML', () => {
    const a = `<!doctype html><meta charset="iso-8859-1"><p>datos biométricos</p>`;
    expect(decodeBody(latin1(a), 'text/html', 'html')).toMatchObject({ text: a, declaredBy: 'html-meta' });
    const b = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><p>${ES}</p>`;
    expect(decodeBody(latin1(b), 'text/html', 'html').text).toBe(b);
  });

  it('takes undeclared valid UTF-8 as UTF-8', () => {
    expect(decodeBody(Buffer.from(ES), 'application/json', 'json')).toMatchObject({
      text: ES,
      declaredBy: 'default',
    });
  });

  it('reports undeclared bytes that are not valid UTF-8 instead of replacing them', () => {
    const e = error(() => decodeBody(latin1(ES), 'application/json', 'json'));
    expect(e.code).toBe('CHARSET_UNDECLARED_NOT_UTF8');
    expect(e.message).toMatch(/declares no charset/);
    expect(e.message).toMatch(/byte 14 of 35/);
    expect(e.remedy).not.toBe('');
  });

  it('reports bytes that break the declared charset, and a charset it cannot decode, by name', () => {
    expect(error(() => decodeBody(latin1(ES), 'text/xml; charset=utf-8', 'xml')).code).toBe(
      'CHARSET_INVALID_BYTES',
    );
    expect(
      error(() => decodeBody(Buffer.from([0x41, 0x00, 0x42]), 'text/plain; charset=utf-16le', 'text')).code,
    ).toBe('CHARSET_INVALID_BYTES');
    const u = error(() => decodeBody(Buffer.from('x'), 'text/plain; charset=x-klingon', 'text'));
    expect(u.code).toBe('CHARSET_UNKNOWN');
    expect(u.message).toContain('x-klingon');
  });
});
