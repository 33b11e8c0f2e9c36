// SHIP XML on the wire: building RequestCall documents and parsing RequestResponse documents (a trust boundary).
//
// fast-xml-parser with entity expansion off, and any DOCTYPE refused before parsing: a hostile server must
// not get entity expansion or external lookups. The parsed object is then validated with zod.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { text, type TextParam } from '../../../contract/text';
import { AppError, invalidInput, isAppError } from '../errors';
import { decodeBody } from '../net/charset';

export const ShipXmlCodes = {
  MALFORMED: 'SHIP_XML_MALFORMED',
  UNEXPECTED: 'SHIP_XML_UNEXPECTED',
} as const;

/** Refuse documents larger than this before parsing (GetInfo answers are a few hundred bytes). */
export const MAX_SHIP_XML_BYTES = 256 * 1024;

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const REQUEST_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** A RequestCall with simple text parameters. Names are checked; values are escaped. */
export function buildRequestCall(requestName: string, params: Record<string, string> = {}): string {
  if (!REQUEST_NAME.test(requestName))
    throw invalidInput('shipRequestName', text('rules.space.shipRequestName'));
  const inner = Object.entries(params)
    .map(([k, v]) => {
      if (!REQUEST_NAME.test(k))
        throw invalidInput('shipRequestParams', text('rules.space.xmlElementName', { name: k }));
      return `<${k}>${escapeXml(v)}</${k}>`;
    })
    .join('');
  const paramsXml = inner === '' ? '<Params/>' : `<Params>${inner}</Params>`;
  return `<?xml version="1.0" encoding="UTF-8"?><RequestCall><RequestName>${escapeXml(requestName)}</RequestName>${paramsXml}</RequestCall>`;
}

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());

const ExceptionSchema = z.object({
  Code: scalar.pipe(z.string().regex(/^-?\d{1,9}$/, 'Exception Code must be an integer')).transform(Number),
  Message: scalar.optional(),
});

const ResponseSchema = z.object({
  RequestResponse: z.object({
    RequestName: scalar.optional(),
    Params: z.union([z.record(z.string(), z.unknown()), z.literal('')]).optional(),
    Exception: ExceptionSchema.optional(),
  }),
});

export interface ShipException {
  code: number;
  message: string;
}

export interface ShipResponse {
  requestName: string;
  /** Leaf parameters as trimmed text (nested elements are kept as parsed objects). */
  params: Record<string, unknown>;
  exception: ShipException | null;
}

function trimDeep(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(trimDeep);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, trimDeep(x)]));
  return v;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Values stay strings: "1.0" must not become 1, "0012" must not lose zeros.
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** `why` is a sentence of the catalogs, or the XML parser's own words about the document. */
function malformed(why: TextParam, detail?: Record<string, unknown>): AppError {
  return new AppError('SHIP_XML_MALFORMED', { params: { why }, ...(detail ? { detail } : {}) });
}

/** Parses a RequestResponse. Throws SHIP_XML_MALFORMED for bad XML, SHIP_XML_UNEXPECTED for XML that is not a SHIP response. */
export function parseShipResponse(xml: string | Buffer): ShipResponse {
  const size = typeof xml === 'string' ? Buffer.byteLength(xml) : xml.length;
  if (size > MAX_SHIP_XML_BYTES)
    throw malformed(
      text('errors.SHIP_XML_MALFORMED.why.tooLarge', { bytes: size, max: MAX_SHIP_XML_BYTES }),
      {
        bytes: size,
      },
    );
  let decoded: string;
  try {
    // Bytes are decoded by what they declare (BOM, XML declaration), never as UTF-8 whatever they say.
    decoded = typeof xml === 'string' ? xml : decodeBody(xml, undefined, 'xml').text;
  } catch (e) {
    throw malformed(isAppError(e) ? e.texts().message : text('errors.SHIP_XML_MALFORMED.why.undecodable'));
  }
  const s = decoded.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(s)) throw malformed(text('errors.SHIP_XML_MALFORMED.why.doctype'));
  const valid = XMLValidator.validate(s);
  if (valid !== true)
    throw malformed(
      text('errors.SHIP_XML_MALFORMED.why.atLine', { reason: valid.err.msg, line: valid.err.line }),
      {
        line: valid.err.line,
        col: valid.err.col,
      },
    );
  let parsed: unknown;
  try {
    parsed = parser.parse(s);
  } catch (e) {
    throw malformed(e instanceof Error ? e.message : text('errors.SHIP_XML_MALFORMED.why.parser'));
  }
  const r = ResponseSchema.safeParse(parsed);
  if (!r.success) {
    const root =
      parsed !== null && typeof parsed === 'object' ? Object.keys(parsed).join(', ') : typeof parsed;
    throw new AppError('SHIP_XML_UNEXPECTED', {
      variant: 'notResponse',
      params: { root: root || text('joins.none') },
      detail: { root, issues: r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  const rr = r.data.RequestResponse;
  const params =
    rr.Params === undefined || rr.Params === '' ? {} : (trimDeep(rr.Params) as Record<string, unknown>);
  return {
    requestName: rr.RequestName ?? '',
    params,
    exception: rr.Exception ? { code: rr.Exception.Code, message: rr.Exception.Message ?? '' } : null,
  };
}

const GetInfoParams = z.object({
  ProtocolID: z.string().min(1),
  ProtocolVersion: z.string().min(1),
  DateTime: z.string().min(1),
  DefaultLanguage: z.string().optional(),
});

export interface GetInfo {
  protocolId: string;
  protocolVersion: string;
  /** As Space sent it, trimmed. */
  dateTime: string;
  defaultLanguage: string | null;
}

/** The GetInfo parameters, validated. */
export function readGetInfo(res: ShipResponse): GetInfo {
  const p = GetInfoParams.safeParse(res.params);
  if (!p.success) {
    throw new AppError('SHIP_XML_UNEXPECTED', {
      variant: 'getInfo',
      detail: { issues: p.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  return {
    protocolId: p.data.ProtocolID,
    protocolVersion: p.data.ProtocolVersion,
    dateTime: p.data.DateTime,
    defaultLanguage: p.data.DefaultLanguage ?? null,
  };
}

/**
 * Space's DateTime ("2004-9-2T12:30:20": no zone, unpadded fields) as wall-clock parts.
 * Returns null when it cannot be read — the caller reports "skew unknown", never a made-up number.
 */
export function parseShipDateTime(
  s: string,
): { y: number; mo: number; d: number; h: number; mi: number; se: number } | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return null;
  return { y, mo, d, h, mi, se };
}
