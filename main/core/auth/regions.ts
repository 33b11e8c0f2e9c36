// The regions a technician can sign in to: the built-in ones of auth-assumptions.ts plus, optionally, a validated file.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, invalidInput } from '../errors';
import { invalidInputOf } from '../parse';
import { en } from '../../../messages/render';
import { isText } from '../../../contract/text';
import { AUTH_REGIONS, type AuthRegionConfig, REGIONS_FILE_ENV } from './auth-assumptions';
import { AuthCodes } from './auth-errors';

export type AuthRegion = AuthRegionConfig;

const httpsUrl = z
  .string()
  .max(2048)
  .refine((u) => {
    try {
      return new URL(u).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an https:// URL');

export const AuthRegionSchema = z.object({
  id: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,31}$/,
      'must be 1-32 lower-case letters, digits or hyphens, starting with a letter',
    ),
  name: z.string().min(1).max(80),
  protocol: z.enum(['aad', 'oidc']),
  authority: httpsUrl,
  clientId: z.string().max(256),
  scopes: z.array(z.string().min(1).max(512)).min(1).max(20),
  audience: z.string().min(1).max(512),
  tenantId: z.string().min(1).max(128).nullable(),
  apiBase: httpsUrl,
});

const RegionsFileSchema = z.object({ regions: z.array(AuthRegionSchema).min(1).max(20) });

/** The built-in regions, then those of the file named by XS4_SIGNIN_REGIONS_FILE (a file region may not reuse an id). */
export async function loadRegions(env: NodeJS.ProcessEnv = process.env): Promise<AuthRegion[]> {
  const file = env[REGIONS_FILE_ENV]?.trim();
  if (!file) return [...AUTH_REGIONS];
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new AppError(
      AuthCodes.REGIONS_FILE_INVALID,
      `${REGIONS_FILE_ENV}: ${file} could not be read as JSON (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}).`,
      `Fix the file or unset ${REGIONS_FILE_ENV}.`,
      { file },
    );
  }
  const parsed = RegionsFileSchema.safeParse(json);
  if (!parsed.success) {
    // The project's one zod-issue rule names the field and the rule; the code says which file it is about.
    const invalid = invalidInputOf(parsed.error, '');
    const field = String(invalid.detail?.field);
    const given = invalid.params?.rule;
    const rule = isText(given) ? en(given) : String(given ?? '');
    throw new AppError(
      AuthCodes.REGIONS_FILE_INVALID,
      `${REGIONS_FILE_ENV}: ${file}: ${field} ${rule}.`,
      `Fix the file or unset ${REGIONS_FILE_ENV}.`,
      { file, field },
    );
  }
  const out = [...AUTH_REGIONS];
  for (const r of parsed.data.regions) {
    if (out.some((o) => o.id === r.id))
      throw new AppError(
        AuthCodes.REGIONS_FILE_INVALID,
        `${REGIONS_FILE_ENV}: ${file}: region id "${r.id}" is already used.`,
        'Give the region another id.',
        { file, field: 'regions.id' },
      );
    out.push(r);
  }
  return out;
}

/** The region with this id, ready to sign in to; a known region without real values yet is refused by name. */
export function pickRegion(regions: readonly AuthRegion[], id: string | undefined): AuthRegion {
  const usable = regions.filter((r) => r.clientId !== '');
  if (id === undefined) {
    if (usable.length === 1) return usable[0]!;
    throw invalidInput('region', `must be one of ${regions.map((r) => r.id).join(', ')}`);
  }
  const hit = regions.find((r) => r.id === id);
  if (!hit) throw invalidInput('region', `must be one of ${regions.map((r) => r.id).join(', ')}`);
  if (hit.clientId === '')
    throw new AppError(
      AuthCodes.REGION_NOT_CONFIGURED,
      `Sign-in to the XS4 Face region "${hit.name}" is not configured in this build (its Microsoft app registration is not known).`,
      'Use a build made for your XS4 Face region, or sign in elsewhere and give the token with --face-token-file.',
      { region: hit.id },
    );
  return hit;
}

/** The origin (scheme://host:port) a URL would send a token to. */
export function originOf(url: string, field = 'faceUrl'): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalidInput(field, 'must be an https:// URL');
  }
  if (u.protocol !== 'https:') throw invalidInput(field, 'must be an https:// URL');
  return u.origin;
}
