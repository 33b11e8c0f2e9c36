// Where the bearer token comes from. The real Console signs in with a Microsoft account, so this is an interface.
import { text } from '../../../contract/text';
import { AppError, invalidInput } from '../errors';

export interface TokenProvider {
  /** Returns a current bearer token. Called before every request, so providers may refresh. */
  getToken(signal?: AbortSignal): Promise<string>;
  /** Called after the server refused the token, so a provider may drop a cached one. */
  invalidate?(): void;
}

/** A token typed or pasted by the technician (or a simulator's token). */
export function staticTokenProvider(token: string): TokenProvider {
  const t = token.trim();
  if (t.length === 0) {
    throw new AppError('FACE_NO_TOKEN');
  }
  if (/[\r\n\0]/.test(t)) {
    throw invalidInput('token', text('rules.oneLine'));
  }
  return { getToken: () => Promise.resolve(t) };
}
