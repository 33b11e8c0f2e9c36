// The one rule for a SHIP API key, used by every layer that takes one: the page's form check, the IPC contract, the
// CLI's secret reader, the core (setup step, SHIP client) and the XS4 Face client (tests/unit/rules proves they agree).
//
// Why this rule (docs/assumptions.md): the key travels verbatim as the value of the `Salto-SHIP-Key` header, and
// Space's custom authentication compares it with what was typed in its SHIP tab. A header value can carry visible
// ASCII; spaces inside survive HTTP but not copy and paste, outer ones are stripped by parsers, and anything beyond
// ASCII is read back in whatever code page the receiver picks. Space's own limits are not public (SHIP spec under NDA),
// so: 4 to 256 visible ASCII characters (generated keys are 32 letters and digits). Zod-free and Node-free for the page.

export const SHIP_KEY_MIN = 4;
export const SHIP_KEY_MAX = 256;

/** Which part of the rule a value breaks: a key under `setup:rules.*` in the page, a sentence in the contract and core. */
export type ShipKeyProblem =
  | { rule: 'required' }
  | { rule: 'minLength'; min: number }
  | { rule: 'maxLength'; max: number }
  | { rule: 'oneLine' }
  | { rule: 'noSpaces' }
  | { rule: 'asciiOnly' };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The first broken part of the rule, or null when the key is acceptable. */
export function shipKeyProblem(value: string): ShipKeyProblem | null {
  if (value === '') return { rule: 'required' };
  if (CONTROL.test(value)) return { rule: 'oneLine' };
  if (/\s/.test(value)) return { rule: 'noSpaces' };
  if (!/^[\x21-\x7e]*$/.test(value)) return { rule: 'asciiOnly' };
  if (value.length < SHIP_KEY_MIN) return { rule: 'minLength', min: SHIP_KEY_MIN };
  if (value.length > SHIP_KEY_MAX) return { rule: 'maxLength', max: SHIP_KEY_MAX };
  return null;
}

/** The same problem as the sentence an INVALID_INPUT error carries. */
export function shipKeyProblemText(p: ShipKeyProblem): string {
  switch (p.rule) {
    case 'required':
    case 'minLength':
      return `must be at least ${SHIP_KEY_MIN} characters`;
    case 'maxLength':
      return `must be at most ${p.max} characters`;
    case 'oneLine':
      return 'must be one line without control characters';
    case 'noSpaces':
      return 'must not contain spaces';
    case 'asciiOnly':
      return 'must use only letters, digits and ASCII punctuation (no accents or other characters)';
  }
}
