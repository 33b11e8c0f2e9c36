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
  if (res.status === 401)
    return { status: 'unauthorized', lastError: 'Space refused the SHIP API key (HTTP 401).' };
  if (res.status !== 200)
    return { status: 'disconnected', lastError: `Space answered SHIP GetInfo with HTTP ${res.status}.` };
  const xml = res.body.toString('utf8');
  const exc = /<Exception>[\s\S]*?<Code>\s*(\d+)\s*<\/Code>/.exec(xml);
  if (exc && exc[1] !== '0')
    return { status: 'disconnected', lastError: `SHIP GetInfo failed with exception code ${exc[1]}.` };
  if (!/<ProtocolID>\s*SHIP\s*<\/ProtocolID>/.test(xml))
    return { status: 'disconnected', lastError: 'The Space address did not answer as a SHIP server.' };
  return { status: 'connected', lastError: null };
}
