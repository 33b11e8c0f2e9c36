// The build-time SHA-256 manifest of the shipped PowerShell scripts (bundled into the asar with the main bundle), by name.
import { z } from 'zod';
import { AppError } from '../errors';
import manifestJson from './script-manifest.json' with { type: 'json' };

const ManifestSchema = z.object({
  algorithm: z.literal('sha256'),
  scripts: z.record(z.string().regex(/^[a-z0-9-]+\.ps1$/), z.string().regex(/^[0-9a-f]{64}$/)),
});

/** Parsed once at load: a broken manifest is a build error, caught by the unit tests. */
export const SCRIPT_MANIFEST = ManifestSchema.parse(manifestJson);

/** The SHA-256 a shipped script must have. */
export function expectedSha256(name: string): string {
  const sha = SCRIPT_MANIFEST.scripts[`${name}.ps1`];
  if (sha === undefined) {
    throw new AppError('PS_SCRIPT_UNKNOWN', { params: { script: `${name}.ps1` }, detail: { script: name } });
  }
  return sha;
}
