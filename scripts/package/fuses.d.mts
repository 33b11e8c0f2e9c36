// Types for scripts/package/fuses.mjs (a plain .mjs because electron-builder loads it as a hook without a TypeScript step).
import type { FuseV1Config } from '@electron/fuses';

export type BuildKind = 'release' | 'test';
export declare const BUILD_KINDS: BuildKind[];
export declare const BUILD_KIND_ENV: string;
export declare const STUB_ELECTRON_ENV: string;
export interface FuseAccess {
  flipFuses(binaryPath: string, config: FuseV1Config): Promise<number>;
  getCurrentFuseWire(binaryPath: string): Promise<Record<string, unknown>>;
}
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
export declare function buildKind(env?: Record<string, string | undefined>): BuildKind;
export declare function fuseConfig(kind: BuildKind | string): FuseV1Config & Record<number, boolean>;
export declare function describeFuses(config: FuseV1Config): string;
export declare function electronBinaryPath(context: PackContext): string;
export declare function verifyFuses(
  binaryPath: string,
  kind: BuildKind | string,
  fuses?: Pick<FuseAccess, 'getCurrentFuseWire'>,
): Promise<FuseV1Config>;
export declare function applyFuses(
  binaryPath: string,
  kind: BuildKind | string,
  options?: { env?: Record<string, string | undefined>; log?: (line: string) => void; fuses?: FuseAccess },
): Promise<{ skipped: boolean; kind: string; config: FuseV1Config }>;
export declare function afterPack(context: PackContext): Promise<void>;
