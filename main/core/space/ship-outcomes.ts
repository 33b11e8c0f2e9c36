// The stable outcome codes of a SHIP probe, each with its sentence and remedy (documented in docs/space-probes.md).
import { NetCodes } from '../net/net-errors';
import { SpaceUiPaths, SHIP_CONTENT_TYPE } from './space-assumptions';

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
  /** Why the answer's text could not be decoded. */
  charsetProblem?: string;
  /** Fields of the certificate that are missing or malformed. */
  certificateProblems?: string[];
}

const CUSTOM_AUTH = `In ${SpaceUiPaths.shipTab}, set authentication to custom authentication with`;
const FACE_KEY = 'the SHIP API Key shown in XS4 Face (Integrations › Salto Space › Space Server Details)';
const SPACE_KEY = `the key in Space's SHIP tab (${SpaceUiPaths.shipTab}, custom authentication)`;

/** The sentence and remedy of each outcome. Pure; facts carry what was observed. */
export function describeOutcome(code: ShipCode, f: OutcomeFacts): { message: string; remedy: string } {
  switch (code) {
    case ShipCodes.OK:
      return {
        message: `SHIP answered GetInfo at ${f.where} (protocol ${f.protocolVersion ?? '?'})${f.keySent ? ' and accepted the key' : ', without a key'}.`,
        remedy: f.keySent
          ? ''
          : `Set ${SPACE_KEY} to ${FACE_KEY}: SHIP currently accepts requests without any key.`,
      };
    case ShipCodes.NO_AUTHENTICATION:
      return {
        message: f.keySent
          ? `SHIP at ${f.where} accepted the key, but also answers without the key: SHIP has no authentication, so anyone on the network can use it and the SHIP API Key of XS4 Face protects nothing.`
          : `SHIP at ${f.where} answers GetInfo without any key: SHIP has no authentication.`,
        remedy: `${CUSTOM_AUTH} ${FACE_KEY} as the key, save the SHIP tab, then check again.`,
      };
    case ShipCodes.BASIC_AUTH:
      return {
        message: `SHIP at ${f.where} asks for basic authentication (HTTP 401 with a Basic challenge); XS4 Face authenticates with the SHIP API Key (custom authentication), so it cannot connect.`,
        remedy: `${CUSTOM_AUTH} ${FACE_KEY} as the key (not basic authentication), save the SHIP tab, then check again.`,
      };
    case ShipCodes.FORBIDDEN:
      return {
        message: `SHIP at ${f.where} refuses requests from this computer (HTTP 403).`,
        remedy: `Likely cause: "${SpaceUiPaths.limitToOneServer}" is on in ${SpaceUiPaths.shipTab} and names another address. If it names the XS4 Face server, that is right and this check cannot test the key from here: the XS4 Face integration status tells whether the link works. Otherwise set it to the XS4 Face server's address (or turn it off) and save the SHIP tab.`,
      };
    case ShipCodes.UNAUTHORIZED:
      return {
        message: `SHIP at ${f.where} refused the key (HTTP 401).`,
        remedy: `${SPACE_KEY[0]!.toUpperCase()}${SPACE_KEY.slice(1)} must equal ${FACE_KEY}. Copy it again from XS4 Face into Space (after a key reset in XS4 Face, Space must be updated too), then save the SHIP tab.`,
      };
    case ShipCodes.KEY_REQUIRED:
      return {
        message: `SHIP at ${f.where} wants a key (HTTP 401) and none was sent.`,
        remedy: `Enter ${FACE_KEY} in this app so the key can be checked (it is sent only over a verified HTTPS connection).`,
      };
    case ShipCodes.HTTP_TRANSPORT_DISABLED:
      return {
        message: `SHIP at ${f.where} answers but HTTP transport is not enabled (HTTP 501).`,
        remedy: `In ${SpaceUiPaths.shipTab}, set the transport to HTTP(S) (not only STP), authentication to custom, and save.`,
      };
    case ShipCodes.VERSION_UNSUPPORTED:
      return {
        message: `SHIP at ${f.where} refused the request as unsupported (HTTP 415): the Space version is too old or the media type ${SHIP_CONTENT_TYPE} is not known to it.`,
        remedy: 'Update Salto Space (HTTPS with custom authentication needs Space 6.4.4.0 or later).',
      };
    case ShipCodes.LICENCE_MISSING:
      return {
        message: `SHIP at ${f.where} reports that the licence does not include this feature (Exception 13${f.exceptionMessage ? `: ${f.exceptionMessage}` : ''}).`,
        remedy: 'Activate the SHIP add-on licence (SPACE-OPT-0018) in Space, then restart the Space service.',
      };
    case ShipCodes.LICENCE_CONSTRAINT:
      return {
        message: `SHIP at ${f.where} reports a licence constraint (Exception 14${f.exceptionMessage ? `: ${f.exceptionMessage}` : ''}).`,
        remedy:
          'The licence limits this use of SHIP (e.g. number of connections or operations): check the licence in Space with your Salto partner.',
      };
    case ShipCodes.EXCEPTION:
      return {
        message: `SHIP at ${f.where} answered with Exception ${f.exceptionCode ?? '?'}${f.exceptionMessage ? `: ${f.exceptionMessage}` : ''}.`,
        remedy:
          f.exceptionCode === 1
            ? 'Space reports a database error: check that SQL Server is running and the Space service can reach its database.'
            : 'Check the Space service log for this exception; export this report for Salto support.',
      };
    case ShipCodes.MALFORMED_RESPONSE:
      return {
        message: `${f.where} claimed to answer SHIP XML but the XML is malformed.`,
        remedy:
          "Check that the URL points at Space's SHIP service and that nothing in between rewrites answers.",
      };
    case ShipCodes.UNDECODABLE:
      return {
        message: `${f.where} answered SHIP XML whose text cannot be decoded: ${f.charsetProblem ?? 'unknown charset problem'}`,
        remedy:
          "Space declares its charset in the Content-Type and the XML declaration; check that nothing in between (a proxy, a filter) rewrites Space's answers, and export this report for Salto support.",
      };
    case ShipCodes.NOT_SHIP:
      return {
        message: `Something answers at ${f.where}${f.httpStatus ? ` (HTTP ${f.httpStatus})` : ''}, but it is not SHIP.`,
        remedy:
          "Check the port and path: SHIP over HTTP(S) shares Space's web service port (8100 by default) — see Space Configurator › Service ports.",
      };
    case ShipCodes.UNEXPECTED_STATUS:
      return {
        message: `${f.where} answered HTTP ${f.httpStatus ?? '?'} to a SHIP request.`,
        remedy: 'Check the Space service log; restart the Space service if it persists.',
      };
    case ShipCodes.PLAIN_HTTP:
      return {
        message: `${f.where} speaks plain HTTP where HTTPS is expected.`,
        remedy: `Run the Space service on HTTPS (${SpaceUiPaths.configurator}) with a TLS certificate installed; the SHIP key is never sent in plain text.`,
      };
    case ShipCodes.TLS_UNTRUSTED:
      return {
        message: `The certificate of ${f.where} is not trusted, so the SHIP key was not sent.`,
        remedy:
          'Compare the certificate fingerprint with the one on the Space server and accept it, or install a certificate from a CA this machine trusts.',
      };
    case ShipCodes.TLS_EXPIRED:
      return {
        message: `The certificate of ${f.where} has expired, so the SHIP key was not sent.`,
        remedy: "Install a current certificate for Space's HTTPS port and restart the Space service.",
      };
    case ShipCodes.TLS_NAME_MISMATCH:
      return {
        message: `The certificate of ${f.where} is not issued for that name, so the SHIP key was not sent.`,
        remedy: 'Use a name the certificate lists, or install a certificate for the name XS4 Face uses.',
      };
    case ShipCodes.TLS_PIN_MISMATCH:
      return {
        message: `${f.where} presented a different certificate than the accepted one, so the SHIP key was not sent.`,
        remedy: 'Check why the certificate changed; accept the new one only if you know.',
      };
    case ShipCodes.TLS_MALFORMED_CERTIFICATE:
      return {
        message: `The certificate of ${f.where} is malformed (${(f.certificateProblems ?? []).join('; ') || 'unreadable fields'}), so the SHIP key was not sent.`,
        remedy:
          "Install a well-formed certificate for Space's HTTPS port (re-issue it; Space Configurator › Service ports) and restart the Space service.",
      };
    case ShipCodes.TLS_HANDSHAKE:
      return {
        message: `The TLS handshake with ${f.where} failed.`,
        remedy: 'Check that the port serves HTTPS with TLS 1.2 or 1.3 and has a certificate bound.',
      };
    case ShipCodes.UNREACHABLE_DNS:
      return {
        message: `The Space server name in ${f.where} could not be resolved.`,
        remedy: 'Check the host name spelling and DNS, or use the IP address.',
      };
    case ShipCodes.UNREACHABLE_REFUSED:
      return {
        message: `Nothing accepts connections at ${f.where}.`,
        remedy:
          'Check that the Space service is running, the port (Space Configurator › Service ports) and the Windows firewall rule for it.',
      };
    case ShipCodes.UNREACHABLE_NO_ROUTE:
      return {
        message: `There is no network route to ${f.where}.`,
        remedy: 'Check the address and the network (VM switch, routing).',
      };
    case ShipCodes.UNREACHABLE_TIMEOUT:
      return {
        message: `No connection to ${f.where} could be completed in time.`,
        remedy: 'Check that the server is on and that no firewall silently drops the port.',
      };
    case ShipCodes.NO_ANSWER:
      return {
        message: `${f.where} accepted the connection but never answered.`,
        remedy: 'The Space service may be hung: restart it, then try again.',
      };
    case ShipCodes.CONNECTION_DROPPED:
      return {
        message: `${f.where} dropped the connection${f.netMessage ? ` (${f.netMessage})` : ''}.`,
        remedy: `Try again; check the Space service log and any proxy in between, and whether "${SpaceUiPaths.limitToOneServer}" (${SpaceUiPaths.shipTab}) names another address.`,
      };
    case ShipCodes.RESPONSE_TOO_LARGE:
      return {
        message: `${f.where} sent an answer far larger than any SHIP answer.`,
        remedy: "Check that the URL points at Space's SHIP service.",
      };
  }
}
