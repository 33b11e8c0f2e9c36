// Decodes a body by what it declares: a byte-order mark, then the HTTP charset, then the XML declaration (or HTML
// <meta>), then UTF-8. Bytes that break the charset they are read in, and undeclared bytes that are not UTF-8, are
// reported by name, never silently turned into U+FFFD (a licence message must read as Space wrote it, or not at all).
//
// Decoding is WHATWG TextDecoder (Node's full ICU), so labels mean what browsers make of them: "ISO-8859-1" and
// "latin1" are windows-1252, "utf-16" is UTF-16LE. The BOM wins over labels, as in the Encoding Standard's `decode`
// and RFC 7303 §3 (a BOM is bytes, a label is a claim about them).
import { TextDecoder } from 'node:util';
import { text, type Text } from '../../../contract/text';
import { AppError } from '../errors';

export const CharsetCodes = {
  /** The declared charset is not one the Encoding Standard knows. */
  UNKNOWN: 'CHARSET_UNKNOWN',
  /** The bytes are not valid in the charset they declare. */
  INVALID_BYTES: 'CHARSET_INVALID_BYTES',
  /** Nothing declares a charset and the bytes are not valid UTF-8. */
  UNDECLARED_NOT_UTF8: 'CHARSET_UNDECLARED_NOT_UTF8',
} as const;

export type BodyKind = 'xml' | 'html' | 'json' | 'text';

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "windows-1252", "utf-16be". */
  encoding: string;
  declaredBy: 'bom' | 'http' | 'xml' | 'html-meta' | 'default';
}

/** How far into a document its own declaration is looked for (HTML: 1024 bytes, the WHATWG prescan). */
const PRESCAN_BYTES = 1024;

/** The charset parameter of a Content-Type header, unquoted; null when absent. */
export function contentTypeCharset(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|[^;\s]*)/i.exec(contentType);
  if (!m) return null;
  const v = (m[2] ?? m[1] ?? '').trim();
  return v === '' ? null : v;
}

function bom(b: Buffer): { encoding: string; skip: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  return null;
}

/** An XML declaration's encoding; also spots UTF-16 without a BOM by its "<?" pattern (XML 1.0 Appendix F). */
function xmlDeclared(b: Buffer): { label: string } | null {
  if (b.length >= 4 && b[0] === 0x3c && b[1] === 0x00 && b[2] === 0x3f && b[3] === 0x00)
    return { label: 'utf-16le' };
  if (b.length >= 4 && b[0] === 0x00 && b[1] === 0x3c && b[2] === 0x00 && b[3] === 0x3f)
    return { label: 'utf-16be' };
  const head = b.subarray(0, 200).toString('latin1');
  const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(head);
  return m ? { label: m[1]! } : null;
}

/** <meta charset="x"> or <meta http-equiv="Content-Type" content="…; charset=x"> in the first KiB. */
function htmlMetaDeclared(b: Buffer): { label: string } | null {
  const head = b.subarray(0, PRESCAN_BYTES).toString('latin1');
  const direct = /<meta\b[^>]*?\bcharset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})/i.exec(head);
  return direct ? { label: direct[1]! } : null;
}

// Some ICU builds (Node 24.0–24.6, 22.13–22.18) decode windows-1252's 0x80–0x9F as Latin-1 controls. The Encoding
// Standard's index for that range, used only when the runtime gets € wrong.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];
let icu1252Ok: boolean | undefined;
function decode1252(bytes: Buffer): string {
  icu1252Ok ??= new TextDecoder('windows-1252').decode(Uint8Array.of(0x80)) === '\u20ac';
  if (icu1252Ok) return new TextDecoder('windows-1252').decode(bytes);
  let out = '';
  for (const byte of bytes)
    out += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte);
  return out;
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    return null;
  }
}

/** Where a charset was declared, in words. */
function declaredIn(declaredBy: Decoded['declaredBy']): Text {
  switch (declaredBy) {
    case 'bom':
      return text('net.declaredBy.bom');
    case 'http':
      return text('net.declaredBy.http');
    case 'xml':
      return text('net.declaredBy.xml');
    case 'html-meta':
      return text('net.declaredBy.htmlMeta');
    case 'default':
      return text('net.declaredBy.none');
  }
}

function unknown(label: string, declaredBy: Decoded['declaredBy']): AppError {
  return new AppError(CharsetCodes.UNKNOWN, {
    params: { charset: label.slice(0, 40), declaredBy: declaredIn(declaredBy) },
    detail: { charset: label.slice(0, 40), declaredBy },
  });
}

/** Where the first byte that is not UTF-8 sits (1-based): where the first replacement character would have been made. */
function firstBadUtf8Byte(b: Buffer): number {
  const lenient = new TextDecoder('utf-8').decode(b);
  let from = 0;
  for (;;) {
    const i = lenient.indexOf('\ufffd', from);
    if (i === -1) return b.length;
    const at = Buffer.byteLength(lenient.slice(0, i));
    // A U+FFFD the server really sent (EF BF BD) is not an error.
    if (!(b[at] === 0xef && b[at + 1] === 0xbf && b[at + 2] === 0xbd)) return at + 1;
    from = i + 1;
  }
}

/**
 * Decodes `body`. Throws AppError CHARSET_UNKNOWN, CHARSET_INVALID_BYTES or CHARSET_UNDECLARED_NOT_UTF8 (each message
 * names the charset and where it came from); never returns text with replacement characters it invented.
 */
export function decodeBody(body: Buffer, contentType: string | undefined, kind: BodyKind): Decoded {
  const b = bom(body);
  let label: string;
  let declaredBy: Decoded['declaredBy'];
  let bytes = body;
  if (b) {
    label = b.encoding;
    declaredBy = 'bom';
    bytes = body.subarray(b.skip);
  } else {
    const http = contentTypeCharset(contentType);
    const doc = kind === 'xml' ? xmlDeclared(body) : kind === 'html' ? htmlMetaDeclared(body) : null;
    if (http !== null) {
      label = http;
      declaredBy = 'http';
    } else if (doc !== null) {
      label = doc.label;
      declaredBy = kind === 'xml' ? 'xml' : 'html-meta';
    } else {
      label = 'utf-8';
      declaredBy = 'default';
    }
  }
  const decoder = decoderFor(label);
  if (decoder === null) throw unknown(label, declaredBy);
  // A document declaring itself UTF-16 in an ASCII declaration is a contradiction; the bytes decide (XML Appendix F).
  const encoding = decoder.encoding;
  if (encoding === 'windows-1252') return { text: decode1252(bytes), encoding, declaredBy };
  try {
    return { text: decoder.decode(bytes), encoding, declaredBy };
  } catch {
    if (declaredBy === 'default') {
      throw new AppError(CharsetCodes.UNDECLARED_NOT_UTF8, {
        params: { at: firstBadUtf8Byte(bytes), bytes: bytes.length },
        detail: { bytes: bytes.length },
      });
    }
    throw new AppError(CharsetCodes.INVALID_BYTES, {
      params: { encoding, declaredBy: declaredIn(declaredBy) },
      detail: { encoding, declaredBy },
    });
  }
}
