// The core's check of a SHIP API key: the one rule of contract/rules/ship-key.ts, as an INVALID_INPUT naming the field.
import { text } from '../../../contract/text';
import { invalidInput } from '../errors';
import { SHIP_KEY_MIN, shipKeyProblem } from '../../../contract/rules/ship-key';

/** Returns the key unchanged when it follows the rule; throws INVALID_INPUT naming `field` and the broken rule. */
export function validateShipKey(key: string, field = 'shipKey'): string {
  const p = shipKeyProblem(key);
  if (p !== null)
    throw invalidInput(
      field,
      p.rule === 'required' || p.rule === 'minLength'
        ? text('rules.minLength', { min: SHIP_KEY_MIN })
        : p.rule === 'maxLength'
          ? text('rules.maxLength', { max: p.max })
          : p.rule === 'oneLine'
            ? text('rules.oneLine')
            : p.rule === 'noSpaces'
              ? text('rules.noSpaces')
              : text('rules.asciiOnly'),
    );
  return key;
}
