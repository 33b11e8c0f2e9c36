// The local OpenID provider's HTTP plumbing: bounded form bodies, HTML answers, and Entra's device code grant name.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

export async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    size += c.length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(c);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** MSAL posts grant_type=device_code (Entra's name); RFC 8628 names it urn:ietf:params:oauth:grant-type:device_code. */
export async function entraDeviceGrant(req: IncomingMessage): Promise<IncomingMessage> {
  const form = await formBody(req);
  if (form.get('grant_type') === 'device_code')
    form.set('grant_type', 'urn:ietf:params:oauth:grant-type:device_code');
  const buf = Buffer.from(form.toString());
  return Object.assign(Readable.from([buf]), {
    headers: { ...req.headers, 'content-length': String(buf.length) },
    rawHeaders: req.rawHeaders,
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    socket: req.socket,
    connection: req.socket,
  }) as unknown as IncomingMessage;
}
