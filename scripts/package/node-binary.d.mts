// Types for scripts/package/node-binary.mjs.
export type Target = 'linux-x64' | 'win-x64';
export interface NodePins {
  version: string;
  targets: Record<Target, { package: string; binary: string; integrity: string }>;
}
export declare const REPO: string;
export declare const PINS: NodePins;
export declare const TARGETS: Target[];
export declare function hostTarget(platform?: string, arch?: string): Target | null;
export declare function exeName(target: Target): string;
export declare function officialNodeBinary(
  target: Target,
  options?: { cacheDir?: string; log?: (line: string) => void },
): string;
