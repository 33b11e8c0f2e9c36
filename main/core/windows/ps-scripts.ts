// The fixed PowerShell scripts the app ships (resources/powershell), by name, where to find them on disk, and their check
// against the build-time manifest (the files beside the asar are user-writable on a per-user install).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../errors';
import { expectedSha256 } from './script-manifest';

/** Read-only scripts run in the shared session; each emits one `XS4JSON:<base64 UTF-8 JSON>` line. */
export const QUERY_SCRIPTS = [
  'get-power',
  'get-adapters',
  'get-space',
  'get-firewall',
  'get-file-signature',
] as const;
export type QueryScriptName = (typeof QUERY_SCRIPTS)[number];

/** Scripts run elevated through the wrapper, with named parameters. */
export const ELEVATED_SCRIPTS = [
  'set-power-sleep',
  'set-adapter-power',
  'add-firewall-rule',
  'remove-firewall-rule',
] as const;
export type ElevatedScriptName = (typeof ELEVATED_SCRIPTS)[number];

/**
 * Finds the resources folder: an explicit path wins; then an environment override (packaged app and CLI set it);
 * then `resources/` beside the working directory (development, tests, CI).
 */
export function resolveResourcesDir(explicit?: string): string {
  const candidates = [explicit, process.env.XS4_RESOURCES_DIR, path.resolve('resources')].filter(
    (c): c is string => typeof c === 'string' && c.length > 0,
  );
  for (const c of candidates) if (existsSync(path.join(c, 'powershell'))) return c;
  throw new AppError('PS_SCRIPTS_MISSING', { variant: 'notFound', detail: { tried: candidates } });
}

export function scriptPath(resourcesDir: string, name: QueryScriptName | ElevatedScriptName): string {
  return path.join(resourcesDir, 'powershell', `${name}.ps1`);
}

/** Where an elevated script is and the SHA-256 the elevated side must find in it (from the manifest, not from the file). */
export function elevatedScriptRef(
  resourcesDir: string,
  name: ElevatedScriptName,
): { path: string; sha256: string } {
  return { path: scriptPath(resourcesDir, name), sha256: expectedSha256(name) };
}

const cache = new Map<string, string>();

/** The text of a read-only script, read once and checked against the manifest (PS_SCRIPT_TAMPERED otherwise). */
export function readScript(resourcesDir: string, name: QueryScriptName | ElevatedScriptName): string {
  const p = scriptPath(resourcesDir, name);
  let text = cache.get(p);
  if (text === undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch (e) {
      throw new AppError('PS_SCRIPTS_MISSING', {
        variant: 'unreadable',
        params: { script: `${name}.ps1` },
        detail: { path: p },
        cause: e,
      });
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    const expected = expectedSha256(name);
    if (actual !== expected) {
      throw new AppError('PS_SCRIPT_TAMPERED', {
        params: { script: `${name}.ps1` },
        detail: { path: p, expected, actual },
      });
    }
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    cache.set(p, text);
  }
  return text;
}
