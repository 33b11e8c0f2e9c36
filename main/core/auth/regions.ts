// The regions a technician can sign in to: the built-in ones of auth-assumptions.ts plus, optionally, a validated file.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, invalidInput } from '../errors';
import { invalidInputOf } from '../parse';
import { text } from '../../../contract/text';
import { ioCode } from '../fs/atomic-write';
import { AUTH_REGIONS, type AuthRegionConfig, REGIONS_FILE_ENV } from './auth-assumptions';
import type { SignInSurface } from './auth-errors';

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
  const where = { env: REGIONS_FILE_ENV, file };
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (e) {
    throw new AppError('AUTH_REGIONS_FILE_INVALID', {
      variant: 'unreadable',
      params: { ...where, code: ioCode(e) },
      detail: { file },
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new AppError('AUTH_REGIONS_FILE_INVALID', { variant: 'notJson', params: where, detail: { file } });
  }
  const parsed = RegionsFileSchema.safeParse(json);
  if (!parsed.success) {
    // The project's one zod-issue rule names the field and the rule; the code says which file it is about. The field
    // is the file's own path (regions.0.authority): that is what the administrator edits.
    const issue = invalidInputOf(parsed.error, '');
    const field = String(issue.detail?.['field'] ?? '');
    const rule = issue.params?.['rule'] ?? String(issue.detail?.['rule'] ?? '');
    throw new AppError('AUTH_REGIONS_FILE_INVALID', {
      variant: 'field',
      params: { ...where, field, rule },
      detail: { file, field },
    });
  }
  const out = [...AUTH_REGIONS];
  for (const r of parsed.data.regions) {
    if (out.some((o) => o.id === r.id))
      throw new AppError('AUTH_REGIONS_FILE_INVALID', {
        variant: 'duplicate',
        params: { ...where, id: r.id },
        detail: { file, field: 'regions.id' },
      });
    out.push(r);
  }
  return out;
}

/**
 * The region with this id, ready to sign in to; a known region without real values yet is refused by name, with the
 * remedy of whoever asked (`surface`).
 */
export function pickRegion(
  regions: readonly AuthRegion[],
  id: string | undefined,
  surface: SignInSurface,
): AuthRegion {
  const usable = regions.filter((r) => r.clientId !== '');
  const oneOf = () =>
    invalidInput('region', text('rules.auth.regionOneOf', { regions: regions.map((r) => r.id).join(', ') }));
  if (id === undefined) {
    if (usable.length === 1) return usable[0]!;
    throw oneOf();
  }
  const hit = regions.find((r) => r.id === id);
  if (!hit) throw oneOf();
  if (hit.clientId === '') {
    const options = { params: { region: hit.name }, detail: { region: hit.id } };
    throw surface === 'app'
      ? new AppError('AUTH_REGION_NOT_CONFIGURED', { variant: 'app', ...options })
      : new AppError('AUTH_REGION_NOT_CONFIGURED', { variant: 'cli', ...options });
  }
  return hit;
}

/** The origin (scheme://host:port) a URL would send a token to; `field` names the value when it is refused. */
export function originOf(url: string, field = 'faceUrl'): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalidInput(field, text('rules.url.httpsUrl'));
  }
  if (u.protocol !== 'https:') throw invalidInput(field, text('rules.url.httpsUrl'));
  return u.origin;
}
