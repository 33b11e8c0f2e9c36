// SHIP API keys made by the app: 32 random letters and digits from the OS CSPRNG, without modulo bias.
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const GENERATED_KEY_LENGTH = 32;

export function generateShipKey(length = GENERATED_KEY_LENGTH): string {
  let key = '';
  for (let i = 0; i < length; i++) key += ALPHABET[randomInt(ALPHABET.length)];
  return key;
}
