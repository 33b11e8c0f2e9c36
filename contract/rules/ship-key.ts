// The one rule for a SHIP API key typed by a technician (the GUI's form, the IPC contract and the CLI's secret files).
// Generated keys are 32 letters and digits; Space's own rule is not public (docs/assumptions.md). Zod-free for the page.

export const SHIP_KEY_MIN = 4;
export const SHIP_KEY_MAX = 4096;

/** Which part of the rule a value breaks: a key under `setup:rules.*` in the page, a sentence in the contract. */
export type ShipKeyProblem =
  | { rule: 'required' }
  | { rule: 'minLength'; min: number }
  | { rule: 'maxLength'; max: number }
  | { rule: 'oneLine' }
  | { rule: 'noOuterSpaces' };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The first broken part of the rule, or null when the key is acceptable. */
export function shipKeyProblem(value: string): ShipKeyProblem | null {
  if (value === '') return { rule: 'required' };
  if (value.length < SHIP_KEY_MIN) return { rule: 'minLength', min: SHIP_KEY_MIN };
  if (value.length > SHIP_KEY_MAX) return { rule: 'maxLength', max: SHIP_KEY_MAX };
  if (CONTROL.test(value)) return { rule: 'oneLine' };
  if (value.trim() !== value) return { rule: 'noOuterSpaces' };
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
    case 'noOuterSpaces':
      return 'must not start or end with a space';
  }
}
