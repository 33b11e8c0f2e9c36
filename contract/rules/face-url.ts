// The one rule for the XS4 Face server address, said in the same words by the page (before anything is sent) and the
// core (faceApiEndpoint): https only, the server's address alone (one copied from the browser carries a path), a port
// from 1 to 65535, no user name or password. Zod-free and Node-free; host names are judged by each side's host rule.
import { text, type Text } from '../text';

/** What the address field shows as an example, and what a refusal of an address that does not parse offers. */
export const FACE_URL_EXAMPLE = 'https://xs4face.example.local/';

/** The port written in a URL's authority (after the host), when it has one; read without the URL parser. */
function writtenPort(raw: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):([^/?#]*)/i.exec(raw)?.[1];
}

/** True for a whole number from 1 to 65535 written in decimal digits. */
function isPortText(port: string): boolean {
  const v = port.trim();
  if (!/^\d{1,5}$/.test(v)) return false;
  const n = Number(v);
  return n >= 1 && n <= 65535;
}

/**
 * The URL parser refuses an address whose port is out of range as a whole; the technician must hear it is the port.
 * The rule its written port breaks (`rules.url.port`), or null when there is none or it is fine.
 */
export function writtenPortProblem(raw: string): Text | null {
  const port = writtenPort(raw);
  return port !== undefined && port !== '' && !isPortText(port)
    ? text('rules.url.port', { port: port.slice(0, 20) })
    : null;
}

/**
 * The rule an XS4 Face address breaks, as the core's catalog rule (`rules.url.*`, `rules.required`), or null when the
 * address may be tried (its host is judged by whoever sends it).
 */
export function faceUrlProblem(raw: string): Text | null {
  const v = raw.trim();
  if (v === '') return text('rules.required');
  // Said before anything else: the contract carries a bearer token and secrets.
  if (/^http:\/\//i.test(v)) return text('rules.url.faceHttps');
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return writtenPortProblem(v) ?? text('rules.url.example', { example: FACE_URL_EXAMPLE });
  }
  if (u.protocol !== 'https:')
    return text('rules.url.schemeHttps', { scheme: u.protocol.replace(':', '').slice(0, 20) });
  // The API is at the server's root: an address copied from the browser (a page, a query, a #route) reaches nothing.
  const extra = `${u.pathname}${u.search}${u.hash}`;
  if (extra !== '/')
    return text('rules.url.noPath', { path: extra.slice(0, 200), address: `https://${u.host}/` });
  if (u.username !== '' || u.password !== '') return text('rules.url.noCredentials');
  if (u.port !== '' && !isPortText(u.port)) return text('rules.url.port', { port: u.port.slice(0, 20) });
  return null;
}
