// Validation of host names, ports and service URLs typed by technicians or read from profiles.
import { isIP } from 'node:net';
import { invalidInput } from '../errors';
import { hostInUrl } from '../../../contract/rules/url-host';

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
  if (h.length === 0) throw invalidInput(field, 'must not be empty');
  const bare = h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
  if (isIP(bare) !== 0) return bare;
  if (h.length > 253) throw invalidInput(field, 'must be at most 253 characters');
  const labels = h.replace(/\.$/, '').split('.');
  if (!labels.every((l) => LABEL.test(l))) {
    throw invalidInput(field, 'must be a host name (letters, digits, hyphens, dots) or an IP address');
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) {
    throw invalidInput(field, 'looks like a malformed IPv4 address');
  }
  return h.replace(/\.$/, '').toLowerCase();
}

export function validatePort(port: number | string, field = 'port'): number {
  const n = typeof port === 'number' ? port : /^\d{1,5}$/.test(port.trim()) ? Number(port.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw invalidInput(field, 'must be a whole number from 1 to 65535');
  return n;
}

/**
 * Parses a service URL. Only http(s) is accepted, credentials are refused (they would end up in logs),
 * and the port defaults to the scheme's.
 */
export function parseServiceUrl(
  raw: string,
  field = 'url',
  allow: Array<'https:' | 'http:'> = ['https:', 'http:'],
): Endpoint {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw invalidInput(field, 'must be a URL such as https://host:8100/');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw invalidInput(
      field,
      `scheme must be ${allow.map((p) => p.replace(':', '')).join(' or ')}, not ${u.protocol.replace(':', '')}`,
    );
  }
  if (!allow.includes(u.protocol)) {
    throw invalidInput(field, `scheme must be ${allow.map((p) => p.replace(':', '')).join(' or ')}`);
  }
  if (u.username !== '' || u.password !== '')
    throw invalidInput(field, 'must not contain a user name or password');
  if (u.search !== '' || u.hash !== '') throw invalidInput(field, 'must not contain a query or fragment');
  const host = validateHost(u.hostname, field);
  const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : validatePort(u.port, field);
  const path = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { protocol: u.protocol, host, port, path, url: `${u.protocol}//${hostInUrl(host)}:${port}${path}` };
}
