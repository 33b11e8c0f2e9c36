// Types for scripts/package/cli-exe.mjs.
import type { Target } from './node-binary.mjs';
import type { SeaBuild } from './sea.mjs';
import type { Signing } from './sign-exe.mjs';
export declare const DEFAULT_OUT: string;
export declare function defaultTargets(): Target[];
export declare function bundleForSea(entry: string, outdir: string): Promise<string>;
export declare function buildCliExecutables(options?: {
  entry?: string;
  outDir?: string;
  targets?: Target[];
  signing?: Signing | null;
  name?: string;
  log?: (line: string) => void;
}): Promise<SeaBuild[]>;
