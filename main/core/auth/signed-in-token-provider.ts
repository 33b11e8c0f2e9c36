// The XS4 Face client's token provider over a Microsoft sign-in: tokens only for the origin they are bound to.
import type { TokenProvider } from '../face/token-provider';
import type { MicrosoftSignIn } from './microsoft-sign-in';
import { originOf } from './regions';

/**
 * A provider for the client of `faceUrl`. Each request asks the sign-in for a token for that origin (silent refresh
 * included); a 401 makes the next request force a refresh. A sign-in bound to another origin fails AUTH_WRONG_ORIGIN
 * before anything is sent.
 */
export function signedInTokenProvider(signIn: MicrosoftSignIn, faceUrl: string): TokenProvider {
  const origin = originOf(faceUrl);
  let forceRefresh = false;
  return {
    async getToken(signal) {
      const token = await signIn.accessToken({ origin, signal, forceRefresh });
      forceRefresh = false;
      return token;
    },
    invalidate() {
      forceRefresh = true;
    },
  };
}
