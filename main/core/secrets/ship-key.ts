// The core's check of a SHIP API key: the one rule of contract/rules/ship-key.ts, as an INVALID_INPUT naming the field.
import { invalidInput } from '../errors';
import { shipKeyProblem, shipKeyProblemText } from '../../../contract/rules/ship-key';

/** Returns the key unchanged when it follows the rule; throws INVALID_INPUT naming `field` and the broken rule. */
export function validateShipKey(key: string, field = 'shipKey'): string {
  const p = shipKeyProblem(key);
  if (p !== null) throw invalidInput(field, shipKeyProblemText(p));
  return key;
}
