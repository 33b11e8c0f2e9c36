// Serving the built renderer for the app:// protocol: path resolution that refuses traversal, and the strict CSP.
// Electron-free, so the shell tests and the end-to-end static server use exactly this code.
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'xs4';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The page may load only its own files; no inline script, no plugins, no framing, no foreign connections. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Maps an app:// URL to a file under `root`, or null when it points elsewhere (other host, traversal, odd bytes). */
export function resolveAppPath(rawUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  // Decoded "..", "%2e%2e%2f" and absolute paths all end up outside `base` here.
  return target.startsWith(base + sep) ? target : null;
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Answers one app:// request. Pure apart from reading files, so the shell tests call it directly. */
export async function serveAppRequest(rawUrl: string, root: string): Promise<Response> {
  const path = resolveAppPath(rawUrl, root);
  if (path === null)
    return new Response('Forbidden', { status: 403, headers: securityHeaders('text/plain; charset=utf-8') });
  try {
    const body = await readFile(path);
    return new Response(body, {
      status: 200,
      headers: securityHeaders(MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'),
    });
  } catch {
    return new Response('Not found', { status: 404, headers: securityHeaders('text/plain; charset=utf-8') });
  }
}
