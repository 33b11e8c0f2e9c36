// The stable outcome codes of a SHIP probe, each with its sentence and remedy (documented in docs/space-probes.md).
import { text, type Text, type TextParam } from '../../../contract/text';
import { NetCodes } from '../net/net-errors';
import { SpaceUiPaths, SHIP_CONTENT_TYPE } from './space-assumptions';
import { itemsOf } from '../../../messages/joins';

export const ShipCodes = {
  OK: 'SHIP_OK',
  UNAUTHORIZED: 'SHIP_UNAUTHORIZED',
  KEY_REQUIRED: 'SHIP_KEY_REQUIRED',
  /** GetInfo answers without any key: SHIP's authentication is off, so XS4 Face's key protects nothing. */
  NO_AUTHENTICATION: 'SHIP_NO_AUTHENTICATION',
  /** 401 with a Basic challenge: SHIP uses basic authentication, XS4 Face sends the custom key header. */
  BASIC_AUTH: 'SHIP_BASIC_AUTH',
  /** 403: SHIP refuses this address (most likely "Limit communications to one server"). */
  FORBIDDEN: 'SHIP_FORBIDDEN',
  HTTP_TRANSPORT_DISABLED: 'SHIP_HTTP_TRANSPORT_DISABLED',
  VERSION_UNSUPPORTED: 'SHIP_VERSION_UNSUPPORTED',
  LICENCE_MISSING: 'SHIP_LICENCE_MISSING',
  LICENCE_CONSTRAINT: 'SHIP_LICENCE_CONSTRAINT',
  EXCEPTION: 'SHIP_EXCEPTION',
  MALFORMED_RESPONSE: 'SHIP_MALFORMED_RESPONSE',
  /** An XML answer whose bytes cannot be decoded by the charset it declares (or, declaring none, are not UTF-8). */
  UNDECODABLE: 'SHIP_UNDECODABLE',
  NOT_SHIP: 'SHIP_NOT_SHIP',
  UNEXPECTED_STATUS: 'SHIP_UNEXPECTED_STATUS',
  PLAIN_HTTP: 'SHIP_PLAIN_HTTP',
  TLS_UNTRUSTED: 'SHIP_TLS_UNTRUSTED',
  TLS_EXPIRED: 'SHIP_TLS_EXPIRED',
  TLS_NAME_MISMATCH: 'SHIP_TLS_NAME_MISMATCH',
  TLS_PIN_MISMATCH: 'SHIP_TLS_PIN_MISMATCH',
  TLS_HANDSHAKE: 'SHIP_TLS_HANDSHAKE',
  TLS_MALFORMED_CERTIFICATE: 'SHIP_TLS_MALFORMED_CERTIFICATE',
  UNREACHABLE_DNS: 'SHIP_UNREACHABLE_DNS',
  UNREACHABLE_REFUSED: 'SHIP_UNREACHABLE_REFUSED',
  UNREACHABLE_NO_ROUTE: 'SHIP_UNREACHABLE_NO_ROUTE',
  UNREACHABLE_TIMEOUT: 'SHIP_UNREACHABLE_TIMEOUT',
  NO_ANSWER: 'SHIP_NO_ANSWER',
  CONNECTION_DROPPED: 'SHIP_CONNECTION_DROPPED',
  RESPONSE_TOO_LARGE: 'SHIP_RESPONSE_TOO_LARGE',
} as const;

export type ShipCode = (typeof ShipCodes)[keyof typeof ShipCodes];

/** Net/TLS codes of https-client → SHIP outcome codes. */
export const NET_TO_SHIP: Record<string, ShipCode> = {
  [NetCodes.DNS]: ShipCodes.UNREACHABLE_DNS,
  [NetCodes.REFUSED]: ShipCodes.UNREACHABLE_REFUSED,
  [NetCodes.UNREACHABLE]: ShipCodes.UNREACHABLE_NO_ROUTE,
  [NetCodes.CONNECT_TIMEOUT]: ShipCodes.UNREACHABLE_TIMEOUT,
  [NetCodes.RESPONSE_TIMEOUT]: ShipCodes.NO_ANSWER,
  [NetCodes.DROPPED]: ShipCodes.CONNECTION_DROPPED,
  [NetCodes.BODY_TOO_LARGE]: ShipCodes.RESPONSE_TOO_LARGE,
  [NetCodes.PLAIN_HTTP]: ShipCodes.PLAIN_HTTP,
  [NetCodes.TLS_UNTRUSTED]: ShipCodes.TLS_UNTRUSTED,
  [NetCodes.TLS_EXPIRED]: ShipCodes.TLS_EXPIRED,
  [NetCodes.TLS_NAME_MISMATCH]: ShipCodes.TLS_NAME_MISMATCH,
  [NetCodes.TLS_PIN_MISMATCH]: ShipCodes.TLS_PIN_MISMATCH,
  [NetCodes.TLS_HANDSHAKE]: ShipCodes.TLS_HANDSHAKE,
  [NetCodes.TLS_MALFORMED]: ShipCodes.TLS_MALFORMED_CERTIFICATE,
};

export const TLS_SHIP_CODES: ReadonlySet<ShipCode> = new Set([
  ShipCodes.TLS_UNTRUSTED,
  ShipCodes.TLS_EXPIRED,
  ShipCodes.TLS_NAME_MISMATCH,
  ShipCodes.TLS_PIN_MISMATCH,
]);

export interface OutcomeFacts {
  where: string;
  keySent: boolean;
  httpStatus?: number | null;
  exceptionCode?: number;
  exceptionMessage?: string;
  protocolVersion?: string;
  netMessage?: string;
  /** Why the answer's text could not be decoded (a sentence of the charset decoder, or its words). */
  charsetProblem?: TextParam;
  /** Fields of the certificate that are missing or malformed. */
  certificateProblems?: string[];
}

/** Where the technician sets things in Space's UI (menu paths as Space names them). */
const UI = {
  shipTab: SpaceUiPaths.shipTab,
  configurator: SpaceUiPaths.configurator,
  limitToOneServer: SpaceUiPaths.limitToOneServer,
} as const;

/** " (Exception 13: message)" and the like: the server's own message, when it sent one. */
function exceptionText(code: number | string, message: string | undefined): Text {
  return message
    ? text('space.ship.exception.withMessage', { code, message })
    : text('space.ship.exception.plain', { code });
}

/** The sentence and remedy of each outcome (no remedy for a key accepted). Pure; facts carry what was observed. */
export function describeOutcome(code: ShipCode, f: OutcomeFacts): { message: Text; remedy: Text | null } {
  const where = f.where;
  switch (code) {
    case ShipCodes.OK:
      return f.keySent
        ? {
            message: text('space.ship.OK.keySent', { where, version: f.protocolVersion ?? '?' }),
            remedy: null,
          }
        : {
            message: text('space.ship.OK.noKey', { where, version: f.protocolVersion ?? '?' }),
            remedy: text('space.ship.OK.remedy', UI),
          };
    case ShipCodes.NO_AUTHENTICATION:
      return {
        message: f.keySent
          ? text('space.ship.NO_AUTHENTICATION.keySent', { where })
          : text('space.ship.NO_AUTHENTICATION.noKey', { where }),
        remedy: text('space.ship.NO_AUTHENTICATION.remedy', UI),
      };
    case ShipCodes.BASIC_AUTH:
      return {
        message: text('space.ship.BASIC_AUTH.message', { where }),
        remedy: text('space.ship.BASIC_AUTH.remedy', UI),
      };
    case ShipCodes.FORBIDDEN:
      return {
        message: text('space.ship.FORBIDDEN.message', { where }),
        remedy: text('space.ship.FORBIDDEN.remedy', UI),
      };
    case ShipCodes.UNAUTHORIZED:
      return {
        message: text('space.ship.UNAUTHORIZED.message', { where }),
        remedy: text('space.ship.UNAUTHORIZED.remedy', UI),
      };
    case ShipCodes.KEY_REQUIRED:
      return {
        message: text('space.ship.KEY_REQUIRED.message', { where }),
        remedy: text('space.ship.KEY_REQUIRED.remedy'),
      };
    case ShipCodes.HTTP_TRANSPORT_DISABLED:
      return {
        message: text('space.ship.HTTP_TRANSPORT_DISABLED.message', { where }),
        remedy: text('space.ship.HTTP_TRANSPORT_DISABLED.remedy', UI),
      };
    case ShipCodes.VERSION_UNSUPPORTED:
      return {
        message: text('space.ship.VERSION_UNSUPPORTED.message', { where, mediaType: SHIP_CONTENT_TYPE }),
        remedy: text('space.ship.VERSION_UNSUPPORTED.remedy'),
      };
    case ShipCodes.LICENCE_MISSING:
      return {
        message: text('space.ship.LICENCE_MISSING.message', {
          where,
          exception: exceptionText(13, f.exceptionMessage),
        }),
        remedy: text('space.ship.LICENCE_MISSING.remedy'),
      };
    case ShipCodes.LICENCE_CONSTRAINT:
      return {
        message: text('space.ship.LICENCE_CONSTRAINT.message', {
          where,
          exception: exceptionText(14, f.exceptionMessage),
        }),
        remedy: text('space.ship.LICENCE_CONSTRAINT.remedy'),
      };
    case ShipCodes.EXCEPTION:
      return {
        message: text('space.ship.EXCEPTION.message', {
          where,
          exception: exceptionText(f.exceptionCode ?? '?', f.exceptionMessage),
        }),
        remedy:
          f.exceptionCode === 1
            ? text('space.ship.EXCEPTION.remedyDatabase')
            : text('space.ship.EXCEPTION.remedy'),
      };
    case ShipCodes.MALFORMED_RESPONSE:
      return {
        message: text('space.ship.MALFORMED_RESPONSE.message', { where }),
        remedy: text('space.ship.MALFORMED_RESPONSE.remedy'),
      };
    case ShipCodes.UNDECODABLE:
      return {
        message: text('space.ship.UNDECODABLE.message', {
          where,
          problem: f.charsetProblem ?? text('space.ship.UNDECODABLE.unknownProblem'),
        }),
        remedy: text('space.ship.UNDECODABLE.remedy'),
      };
    case ShipCodes.NOT_SHIP:
      return {
        message: f.httpStatus
          ? text('space.ship.NOT_SHIP.messageHttp', { where, status: f.httpStatus })
          : text('space.ship.NOT_SHIP.message', { where }),
        remedy: text('space.ship.NOT_SHIP.remedy', UI),
      };
    case ShipCodes.UNEXPECTED_STATUS:
      return {
        message: text('space.ship.UNEXPECTED_STATUS.message', { where, status: f.httpStatus ?? '?' }),
        remedy: text('space.ship.UNEXPECTED_STATUS.remedy'),
      };
    case ShipCodes.PLAIN_HTTP:
      return {
        message: text('space.ship.PLAIN_HTTP.message', { where }),
        remedy: text('space.ship.PLAIN_HTTP.remedy', UI),
      };
    case ShipCodes.TLS_UNTRUSTED:
      return {
        message: text('space.ship.TLS_UNTRUSTED.message', { where }),
        remedy: text('space.ship.TLS_UNTRUSTED.remedy'),
      };
    case ShipCodes.TLS_EXPIRED:
      return {
        message: text('space.ship.TLS_EXPIRED.message', { where }),
        remedy: text('space.ship.TLS_EXPIRED.remedy'),
      };
    case ShipCodes.TLS_NAME_MISMATCH:
      return {
        message: text('space.ship.TLS_NAME_MISMATCH.message', { where }),
        remedy: text('space.ship.TLS_NAME_MISMATCH.remedy'),
      };
    case ShipCodes.TLS_PIN_MISMATCH:
      return {
        message: text('space.ship.TLS_PIN_MISMATCH.message', { where }),
        remedy: text('space.ship.TLS_PIN_MISMATCH.remedy'),
      };
    case ShipCodes.TLS_MALFORMED_CERTIFICATE:
      return {
        message: text('space.ship.TLS_MALFORMED_CERTIFICATE.message', {
          where,
          problems:
            (f.certificateProblems ?? []).length > 0
              ? itemsOf(f.certificateProblems ?? [])
              : text('space.ship.TLS_MALFORMED_CERTIFICATE.unreadableFields'),
        }),
        remedy: text('space.ship.TLS_MALFORMED_CERTIFICATE.remedy', UI),
      };
    case ShipCodes.TLS_HANDSHAKE:
      return {
        message: text('space.ship.TLS_HANDSHAKE.message', { where }),
        remedy: text('space.ship.TLS_HANDSHAKE.remedy'),
      };
    case ShipCodes.UNREACHABLE_DNS:
      return {
        message: text('space.ship.UNREACHABLE_DNS.message', { where }),
        remedy: text('space.ship.UNREACHABLE_DNS.remedy'),
      };
    case ShipCodes.UNREACHABLE_REFUSED:
      return {
        message: text('space.ship.UNREACHABLE_REFUSED.message', { where }),
        remedy: text('space.ship.UNREACHABLE_REFUSED.remedy', UI),
      };
    case ShipCodes.UNREACHABLE_NO_ROUTE:
      return {
        message: text('space.ship.UNREACHABLE_NO_ROUTE.message', { where }),
        remedy: text('space.ship.UNREACHABLE_NO_ROUTE.remedy'),
      };
    case ShipCodes.UNREACHABLE_TIMEOUT:
      return {
        message: text('space.ship.UNREACHABLE_TIMEOUT.message', { where }),
        remedy: text('space.ship.UNREACHABLE_TIMEOUT.remedy'),
      };
    case ShipCodes.NO_ANSWER:
      return {
        message: text('space.ship.NO_ANSWER.message', { where }),
        remedy: text('space.ship.NO_ANSWER.remedy'),
      };
    case ShipCodes.CONNECTION_DROPPED:
      return {
        message: f.netMessage
          ? text('space.ship.CONNECTION_DROPPED.messageCode', { where, code: f.netMessage })
          : text('space.ship.CONNECTION_DROPPED.message', { where }),
        remedy: text('space.ship.CONNECTION_DROPPED.remedy', UI),
      };
    case ShipCodes.RESPONSE_TOO_LARGE:
      return {
        message: text('space.ship.RESPONSE_TOO_LARGE.message', { where }),
        remedy: text('space.ship.RESPONSE_TOO_LARGE.remedy'),
      };
  }
}
