// Validation of host names, ports and service URLs typed by technicians or read from profiles.
import { isIP } from 'node:net';
import { invalidInput } from '../errors';
import { text } from '../../../contract/text';
import { hostInUrl } from '../../../contract/rules/url-host';
import { writtenPortProblem } from '../../../contract/rules/face-url';

export interface Endpoint {
  protocol: 'https:' | 'http:';
  host: string;
  port: number;
  /** Path with a trailing slash, e.g. "/" or "/ship/". */
  path: string;
  /** The normalised URL (no credentials, no query, no fragment). */
  url: string;
}

// RFC 1123 labels; underscores are refused because TLS certificates cannot carry them.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

export function validateHost(host: string, field = 'host'): string {
  const h = host.trim();
  if (h.length === 0) throw invalidInput(field, text('rules.required'));
  const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  if (isIP(bare) !== 0) return bare;
  if (h.length > 253) throw invalidInput(field, text('rules.maxLength', { max: 253 }));
  const labels = h.replace(/\.$/, '').split('.');
  if (!labels.every((l) => LABEL.test(l))) throw invalidInput(field, text('rules.host'));
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) throw invalidInput(field, text('rules.hostIpv4'));
  return h.replace(/\.$/, '').toLowerCase();
}

/** The port as a number, or null when it is not a whole number from 1 to 65535. */
function portOf(port: number | string): number | null {
  const n = typeof port === 'number' ? port : /^\d{1,5}$/.test(port.trim()) ? Number(port.trim()) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : null;
}

export function validatePort(port: number | string, field = 'port'): number {
  const n = portOf(port);
  if (n === null) throw invalidInput(field, text('rules.port'));
  return n;
}

/**
 * Parses a service URL. Only http(s) is accepted, credentials are refused (they would end up in logs),
 * and the port defaults to the scheme's. A bad port is named as such, not as a malformed URL.
 */
export function parseServiceUrl(
  raw: string,
  field = 'url',
  allow: Array<'https:' | 'http:'> = ['https:', 'http:'],
): Endpoint {
  const trimmed = raw.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    const port = writtenPortProblem(trimmed);
    if (port !== null) throw invalidInput(field, port);
    throw invalidInput(field, text('rules.url.example', { example: 'https://host:8100/' }));
  }
  const scheme = u.protocol.replace(':', '').slice(0, 20);
  const httpAllowed = allow.includes('http:');
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw invalidInput(
      field,
      httpAllowed
        ? text('rules.url.schemeHttpOrHttps', { scheme })
        : text('rules.url.schemeHttps', { scheme }),
    );
  if (!allow.includes(u.protocol)) throw invalidInput(field, text('rules.url.schemeHttps', { scheme }));
  if (u.username !== '' || u.password !== '') throw invalidInput(field, text('rules.url.noCredentials'));
  if (u.search !== '' || u.hash !== '') throw invalidInput(field, text('rules.url.noQuery'));
  const host = validateHost(u.hostname, field);
  let port = u.protocol === 'https:' ? 443 : 80;
  if (u.port !== '') {
    const n = portOf(u.port);
    if (n === null) throw invalidInput(field, text('rules.url.port', { port: u.port }));
    port = n;
  }
  const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { protocol: u.protocol, host, port, path, url: `${u.protocol}//${hostInUrl(host)}:${port}${path}` };
}
