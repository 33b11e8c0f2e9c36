// Types of scripts/package/ps-manifest.mjs for the TypeScript tests.
export interface ScriptManifest {
  algorithm: 'sha256';
  scripts: Record<string, string>;
}
export const SCRIPTS_DIR: string;
export const MANIFEST_PATH: string;
export function computeManifest(dir?: string): ScriptManifest;
export function manifestText(manifest?: ScriptManifest): string;
export function writeManifest(): boolean;
