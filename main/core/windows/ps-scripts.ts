// The fixed PowerShell scripts the app ships (resources/powershell), by name, and where to find them on disk.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AppError } from '../errors';

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
  throw new AppError(
    'PS_SCRIPTS_MISSING',
    'The PowerShell scripts shipped with the app were not found.',
    'Reinstall the app, or set XS4_RESOURCES_DIR to its resources folder.',
    { tried: candidates },
  );
}

export function scriptPath(resourcesDir: string, name: QueryScriptName | ElevatedScriptName): string {
  return path.join(resourcesDir, 'powershell', `${name}.ps1`);
}

const cache = new Map<string, string>();

export function readScript(resourcesDir: string, name: QueryScriptName | ElevatedScriptName): string {
  const p = scriptPath(resourcesDir, name);
  let text = cache.get(p);
  if (text === undefined) {
    try {
      text = readFileSync(p, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      throw new AppError(
        'PS_SCRIPTS_MISSING',
        `The PowerShell script ${name}.ps1 could not be read.`,
        'Reinstall the app.',
        { path: p },
        e,
      );
    }
    cache.set(p, text);
  }
  return text;
}
