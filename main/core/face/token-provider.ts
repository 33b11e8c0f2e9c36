// Where the bearer token comes from. The real Console signs in with a Microsoft account, so this is an interface.
import { AppError } from '../errors';

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
    throw new AppError(
      'FACE_NO_TOKEN',
      'No sign-in token was given for the XS4 Face server.',
      'Sign in to the XS4 Face Console and paste the access token, then try again.',
    );
  }
  if (/[\r\n\0]/.test(t)) {
    throw new AppError(
      'INVALID_INPUT',
      'token: must be one line without control characters.',
      'Paste the token again without line breaks.',
      { field: 'token', rule: 'must be one line without control characters' },
    );
  }
  return { getToken: () => Promise.resolve(t) };
}
