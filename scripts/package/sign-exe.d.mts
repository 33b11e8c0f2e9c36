// Types for scripts/package/sign-exe.mjs.
export interface Signing {
  from: string;
  pfx: { path: string; base64?: undefined } | { base64: string; path?: undefined };
  password: string;
}
export declare const SIGNING_ENV: Array<[string, string]>;
export declare const TIMESTAMP_ENV: string;
export declare function removeSignature(input: string, output: string): 'osslsigncode' | 'signtool';
export declare function signingFromEnv(env?: Record<string, string | undefined>): Signing | null;
export declare function signExe(
  file: string,
  signing: Signing,
  options?: { env?: Record<string, string | undefined>; description?: string },
): void;
export declare function canSignHere(): boolean;
