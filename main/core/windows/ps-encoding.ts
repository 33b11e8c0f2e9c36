// How values reach PowerShell: as base64 of UTF-8 JSON, decoded inside the script, so no value is ever part of script text.
import { text } from '../../../contract/text';
import { invalidInput } from '../errors';

/** The only characters a data literal may contain; checked before a literal is emitted, and by the injection tests. */
export const BASE64_LITERAL = /^[A-Za-z0-9+/=]*$/;

/** Half a surrogate pair: no UTF-8 form, and PowerShell 7's JSON reader turns it into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in a value that is not well-formed text, by its path (e.g. "portCandidates.0.path"). */
function illFormed(value: unknown, at: string): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? at : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = illFormed(v, `${at}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) return `${at}.<key>`;
      const found = illFormed(v, `${at}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Encodes parameters as base64(UTF-8 JSON). Throws INVALID_INPUT for values JSON cannot carry, and for text that would
 * not arrive byte-identical (a lone surrogate): a value either arrives exactly or is refused, naming the field.
 */
export function encodeParams(params: Record<string, unknown>): string {
  const bad = illFormed(params, 'params');
  // The field is named by its place in the parameters (e.g. "params.portCandidates.0.path"), inside the rule.
  if (bad) throw invalidInput('powershellParams', text('rules.windows.wellFormedTextAt', { at: bad }));
  let json: string | undefined;
  try {
    json = JSON.stringify(params);
  } catch {
    throw invalidInput('powershellParams', text('rules.windows.json'));
  }
  if (json === undefined) throw invalidInput('powershellParams', text('rules.windows.json'));
  return Buffer.from(json, 'utf8').toString('base64');
}

/** A single-quoted PowerShell literal holding base64 only (no quote of any kind can occur in it). */
export function base64Literal(b64: string): string {
  if (!BASE64_LITERAL.test(b64)) throw invalidInput('powershellLiteral', text('rules.windows.base64'));
  return `'${b64}'`;
}

/** `-EncodedCommand` takes base64 of UTF-16LE script text. */
export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64');
}

/** Windows command lines are limited to 32767 characters; refuse before Windows does, with a clear code. */
export const MAX_COMMAND_LINE = 32_000;
