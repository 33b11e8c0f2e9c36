// MSAL's network module over the app's own HTTPS client: same trust (system store + extra CAs), caps and timeouts.
//
// MSAL wraps a failing network call into its own error and keeps only the message, so the last failure is kept here
// for the error mapper to tell "no network" from "untrusted certificate".
import type { AppError } from '../errors';
import { isAppError } from '../errors';
import { httpRequest } from '../net/https-client';
import { AUTHORITY_MAX_BODY_BYTES, AUTHORITY_REQUEST_TIMEOUT_MS } from './auth-assumptions';

/** The shapes of MSAL's INetworkModule (msal-common), repeated so this module compiles without MSAL's internals. */
export interface NetworkRequestOptions {
  headers?: Record<string, string>;
  body?: string;
}
export interface NetworkResponse<T> {
  headers: Record<string, string>;
  body: T;
  status: number;
}
export interface MsalNetworkModule {
  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>>;
  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>>;
}

export interface AuthNetwork extends MsalNetworkModule {
  /** The last failure of this operation, cleared by `reset()`. */
  lastError(): AppError | undefined;
  reset(): void;
}

export function createAuthNetwork(opts: { extraCa?: string[] | undefined; timeoutMs?: number }): AuthNetwork {
  let last: AppError | undefined;
  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    // The HTTPS client takes a base URL and a path; MSAL's URLs carry query strings (token endpoint telemetry).
    const u = new URL(url);
    let res;
    try {
      res = await httpRequest({
        url: `${u.origin}/`,
        path: `${u.pathname.slice(1)}${u.search}`,
        method,
        headers: options?.headers ?? {},
        ...(options?.body !== undefined ? { body: options.body } : {}),
        timeoutMs: timeout ?? opts.timeoutMs ?? AUTHORITY_REQUEST_TIMEOUT_MS,
        maxBodyBytes: AUTHORITY_MAX_BODY_BYTES,
        trust: { extraCa: opts.extraCa },
      });
    } catch (e) {
      if (isAppError(e)) last = e;
      throw e;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    let body: unknown;
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      // MSAL reads `error` from the body; an HTML error page becomes a readable server error.
      body = { error: 'invalid_response', error_description: `HTTP ${res.status}: the answer is not JSON` };
    }
    return { headers, body: body as T, status: res.status };
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
    lastError: () => last,
    reset: () => {
      last = undefined;
    },
  };
}
