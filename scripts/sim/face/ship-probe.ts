// The simulator's own SHIP GetInfo call (it plays XS4 Face, an independent party, so it does not use the app's SHIP client).
import { httpRequest } from '../../../main/core/net/https-client';
import { hostInUrl } from '../../../contract/rules/url-host';
import { SHIP_CONTENT_TYPE, SHIP_KEY_HEADER, SHIP_PATH, type IntegrationStatus } from '../wire';

const GETINFO =
  '<?xml version="1.0" encoding="UTF-8"?><RequestCall><RequestName>GetInfo</RequestName><Params/></RequestCall>';

export interface SpaceTarget {
  host: string;
  port: number;
  https: boolean;
  shipApiKey: string | null;
}

export interface SpaceTrust {
  /** Fingerprint of Space's (self-signed) certificate the simulator accepts. */
  fingerprint256?: string | undefined;
  /** CA certificates (PEM) trusted for Space, from --space-ca. */
  ca?: string[] | undefined;
}

export interface ProbeResult {
  status: IntegrationStatus;
  lastError: string | null;
}

/** The answer's text by its byte-order mark or Content-Type charset (Space writes UTF-8, UTF-16 or a Windows code page). */
function textOf(body: Buffer, contentType: string): string {
  if (body[0] === 0xff && body[1] === 0xfe) return new TextDecoder('utf-16le').decode(body.subarray(2));
  if (body[0] === 0xfe && body[1] === 0xff) return new TextDecoder('utf-16be').decode(body.subarray(2));
  const label = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return body.toString('latin1');
  }
}

/** Computes the integration card status the way XS4 Face would: by asking Space. */
export async function probeSpace(t: SpaceTarget, trust: SpaceTrust, timeoutMs: number): Promise<ProbeResult> {
  if (t.host === '' || t.shipApiKey === null || t.port < 1)
    return { status: 'unconfigured', lastError: null };
  let res;
  try {
    res = await httpRequest({
      url: `${t.https ? 'https' : 'http'}://${hostInUrl(t.host)}:${t.port}/${SHIP_PATH}`,
      method: 'POST',
      headers: { 'Content-Type': SHIP_CONTENT_TYPE, [SHIP_KEY_HEADER]: t.shipApiKey },
      body: GETINFO,
      timeoutMs,
      maxBodyBytes: 64 * 1024,
      trust: { pinnedFingerprint256: trust.fingerprint256, extraCa: trust.ca },
    });
  } catch (e) {
    return { status: 'disconnected', lastError: e instanceof Error ? e.message : String(e) };
  }
  const challenge = String(res.headers['www-authenticate'] ?? '');
  if (res.status === 401 && /\bbasic\b/i.test(challenge))
    return {
      status: 'unauthorized',
      lastError:
        'Space asks for basic authentication for SHIP (HTTP 401); XS4 Face sends the SHIP API Key, which needs custom authentication.',
    };
  if (res.status === 401)
    return { status: 'unauthorized', lastError: 'Space refused the SHIP API key (HTTP 401).' };
  if (res.status === 403)
    return {
      status: 'disconnected',
      lastError:
        'Space refused SHIP from this XS4 Face server\'s address (HTTP 403): check "Limit communications to one server" in System › General options › SHIP.',
    };
  if (res.status !== 200)
    return { status: 'disconnected', lastError: `Space answered SHIP GetInfo with HTTP ${res.status}.` };
  const xml = textOf(res.body, String(res.headers['content-type'] ?? ''));
  const exc =
    /<Exception>[\s\S]*?<Code>\s*(\d+)\s*<\/Code>(?:[\s\S]*?<Message>\s*([^<]*?)\s*<\/Message>)?/.exec(xml);
  if (exc && exc[1] !== '0')
    return {
      status: 'disconnected',
      lastError: `SHIP GetInfo failed with exception code ${exc[1]}${exc[2] ? `: ${exc[2]}` : ''}.`,
    };
  if (!/<ProtocolID>\s*SHIP\s*<\/ProtocolID>/.test(xml))
    return { status: 'disconnected', lastError: 'The Space address did not answer as a SHIP server.' };
  return { status: 'connected', lastError: null };
}
