// Checks a form before it is sent, so the technician sees the broken rule next to the field at once.
// Rules mirror the contract's (contract/setup-channels.ts; the SHIP key's is the contract's own rule, contract/rules/);
// the core validates again and its verdict wins.
import type { Text } from '../../contract/text';
import { isAbsolutePath } from '../../contract/rules/absolute-path';
import { faceUrlProblem, writtenPortProblem } from '../../contract/rules/face-url';
import { shipKeyProblem } from '../../contract/rules/ship-key';

/** A broken rule: `rule` is a key under `setup:rules.*`, `values` fill its placeholders. */
export interface FieldError {
  field: string;
  rule: string;
  values?: Record<string, string | number>;
  /** A rule the core broke, as its catalog sentence (said in the page's language next to the field). */
  ruleText?: Text;
}

const HOST = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*\.?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^\[?[0-9A-Fa-f:.]+\]?$/;

/** A rule the core states (its catalog sentence), said by the page before the call in the very same words. */
function coreRule(field: string, rule: Text): FieldError {
  return { field, rule: 'core', ruleText: rule };
}

export function validateUrl(field: string, raw: string, httpsOnly: boolean): FieldError | null {
  const v = raw.trim();
  if (v === '') return { field, rule: 'required' };
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    // A port out of range makes the whole URL unreadable to the parser: said as the port, as the core says it.
    const port = writtenPortProblem(v);
    if (port !== null) return coreRule(field, port);
    return { field, rule: httpsOnly ? 'httpsUrl' : 'url' };
  }
  if (httpsOnly ? u.protocol !== 'https:' : u.protocol !== 'https:' && u.protocol !== 'http:')
    return { field, rule: httpsOnly ? 'httpsUrl' : 'url' };
  if (u.username !== '' || u.password !== '') return { field, rule: 'noCredentials' };
  return null;
}

/**
 * The XS4 Face server address: the core's own rule (contract/rules/face-url.ts), so an http:// address, a path copied
 * from the browser or a port out of range is refused here in the words the core would use, before anything is sent.
 */
export function validateFaceUrl(field: string, raw: string): FieldError | null {
  if (raw.trim() === '') return { field, rule: 'required' };
  const problem = faceUrlProblem(raw);
  return problem === null ? null : coreRule(field, problem);
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

export function validateShipKey(field: string, raw: string): FieldError | null {
  const p = shipKeyProblem(raw);
  if (p === null) return null;
  if (p.rule === 'minLength') return { field, rule: p.rule, values: { min: p.min } };
  if (p.rule === 'maxLength') return { field, rule: p.rule, values: { max: p.max } };
  return { field, rule: p.rule };
}

export function validateCompanyName(field: string, raw: string): FieldError | null {
  const v = raw.trim();
  if (v === '') return { field, rule: 'required' };
  if (v.length > 200) return { field, rule: 'maxLength', values: { max: 200 } };
  return null;
}

/**
 * A path the technician typed: required, and full (a bare name would land in the app's working folder);
 * `htmlFile` for a report.
 */
export function validatePath(
  field: string,
  raw: string,
  kind: 'any' | 'htmlFile' = 'any',
): FieldError | null {
  const v = raw.trim();
  if (v === '') return { field, rule: 'required' };
  if (!isAbsolutePath(v)) return { field, rule: 'absolutePath' };
  if (kind === 'htmlFile' && !/\.html?$/i.test(v)) return { field, rule: 'htmlFile' };
  return null;
}
