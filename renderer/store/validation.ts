// Checks a form before it is sent, so the technician sees the broken rule next to the field at once.
// Rules mirror the contract's (preload/setup-contract.ts); the core validates again and its verdict wins.

/** A broken rule: `rule` is a key under `setup:rules.*`, `values` fill its placeholders. */
export interface FieldError {
  field: string;
  rule: string;
  values?: Record<string, string | number>;
}

const HOST = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^\[?[0-9A-Fa-f:.]+\]?$/;

export function validateUrl(field: string, raw: string, httpsOnly: boolean): FieldError | null {
  const v = raw.trim();
  if (v === '') return { field, rule: 'required' };
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return { field, rule: httpsOnly ? 'httpsUrl' : 'url' };
  }
  if (httpsOnly ? u.protocol !== 'https:' : u.protocol !== 'https:' && u.protocol !== 'http:')
    return { field, rule: httpsOnly ? 'httpsUrl' : 'url' };
  if (u.username !== '' || u.password !== '') return { field, rule: 'noCredentials' };
  return null;
}

export function validateHost(field: string, raw: string): FieldError | null {
  const v = raw.trim();
  if (v === '') return { field, rule: 'required' };
  if (v.length > 253) return { field, rule: 'maxLength', values: { max: 253 } };
  if (IPV4.test(v) || (v.includes(':') && IPV6.test(v))) return null;
  if (!HOST.test(v) || /^\d+(\.\d+)*$/.test(v)) return { field, rule: 'host' };
  return null;
}

export function parsePort(field: string, raw: string): { port: number } | FieldError {
  const v = raw.trim();
  const n = /^\d{1,5}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) return { field, rule: 'port' };
  return { port: n };
}

/** Same bounds as the contract's shipKeyValueSchema. */
export const SHIP_KEY_MIN = 4;
export const SHIP_KEY_MAX = 4096;

export function validateShipKey(field: string, raw: string): FieldError | null {
  if (raw === '') return { field, rule: 'required' };
  if (raw.length < SHIP_KEY_MIN) return { field, rule: 'minLength', values: { min: SHIP_KEY_MIN } };
  if (raw.length > SHIP_KEY_MAX) return { field, rule: 'maxLength', values: { max: SHIP_KEY_MAX } };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return { field, rule: 'oneLine' };
  if (raw.trim() !== raw) return { field, rule: 'noOuterSpaces' };
  return null;
}

export function validateCompanyName(field: string, raw: string): FieldError | null {
  const v = raw.trim();
  if (v === '') return { field, rule: 'required' };
  if (v.length > 200) return { field, rule: 'maxLength', values: { max: 200 } };
  return null;
}
