// The build-time manifest of the shipped PowerShell scripts: current, complete, and inlined into the bundle (not read from disk).
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { computeManifest, MANIFEST_PATH, manifestText } from '../../../scripts/package/ps-manifest.mjs';
import { SCRIPT_MANIFEST, expectedSha256 } from '../../../main/core/windows/script-manifest';
import { ELEVATED_SCRIPTS, QUERY_SCRIPTS } from '../../../main/core/windows/ps-scripts';
import { AppError } from '../../../main/core/errors';

describe('the PowerShell script manifest', () => {
  it('matches the scripts in resources/powershell (npm run build regenerates it)', () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8')).toBe(manifestText(computeManifest()));
    expect(Object.keys(SCRIPT_MANIFEST.scripts).sort()).toEqual(
      [...QUERY_SCRIPTS, ...ELEVATED_SCRIPTS].map((n) => `${n}.ps1`).sort(),
    );
  });

  it('names an unknown script with a stable code', () => {
    expect(() => expectedSha256('no-such-script')).toThrowError(AppError);
  });

  it('is inlined into the bundle that ships in the asar', async () => {
    const out = await build({
      entryPoints: ['main/core/windows/script-manifest.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    for (const sha of Object.values(SCRIPT_MANIFEST.scripts)) expect(code).toContain(sha);
    // Inlined as data, never loaded from disk at run time.
    expect(code).not.toMatch(/require\([^)]*script-manifest/);
  });
});
