// The SHA-256 manifest of resources/powershell/*.ps1, written at build time into main/core/windows/script-manifest.json,
// which esbuild bundles into the main and CLI bundles (inside the asar). The app refuses any script beside the asar whose
// bytes differ: read-only scripts before PowerShell sees them, elevated ones inside the elevated process.
// `node scripts/package/ps-manifest.mjs` writes it; `--check` only compares (exit 1 when stale).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCRIPTS_DIR = join(ROOT, 'resources', 'powershell');
export const MANIFEST_PATH = join(ROOT, 'main', 'core', 'windows', 'script-manifest.json');

export function computeManifest(dir = SCRIPTS_DIR) {
  const scripts = {};
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.ps1'))
    .sort()) {
    scripts[name] = createHash('sha256')
      .update(readFileSync(join(dir, name)))
      .digest('hex');
  }
  return { algorithm: 'sha256', scripts };
}

export function manifestText(manifest = computeManifest()) {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes the manifest when it changed; returns true when it did. */
export function writeManifest() {
  const text = manifestText();
  if (existsSync(MANIFEST_PATH) && readFileSync(MANIFEST_PATH, 'utf8') === text) return false;
  writeFileSync(MANIFEST_PATH, text);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const ok = existsSync(MANIFEST_PATH) && readFileSync(MANIFEST_PATH, 'utf8') === manifestText();
    console.log(
      ok ? 'ps-manifest: up to date' : 'ps-manifest: STALE, run `node scripts/package/ps-manifest.mjs`',
    );
    process.exit(ok ? 0 : 1);
  }
  console.log(writeManifest() ? `ps-manifest: wrote ${MANIFEST_PATH}` : 'ps-manifest: unchanged');
}
