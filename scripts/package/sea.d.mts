// Types for scripts/package/sea.mjs.
import type { Target } from './node-binary.mjs';
import type { Signing } from './sign-exe.mjs';
export interface SeaBuild {
  target: Target;
  file: string;
  appVersion: string;
  node: string;
  nodePackage: string;
  blobSha256: string;
  blobSize: number;
  signed: boolean;
  size: number;
  sha256: string;
  inputs: string;
}
export declare function makeBlob(bundle: string): Buffer;
export declare function verifySea(
  file: string,
  target: Target,
  blob: Buffer,
  options?: { signed?: boolean },
): { size: number; sha256: string };
export declare function buildSea(options: {
  blob: Buffer;
  target: Target;
  output: string;
  signing?: Signing | null;
  appVersion: string;
  log?: (line: string) => void;
}): SeaBuild;
