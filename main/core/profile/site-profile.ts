// Site profile: the non-secret settings of one site, exported to a file and imported elsewhere (or by `setup --profile`).
import { lstat, readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { text } from '../../../contract/text';
import { AppError, invalidInput } from '../errors';
import { ioCode } from '../fs/atomic-write';
import { parseServiceUrl } from '../net/endpoint';
import { parse } from '../parse';
import { SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE } from '../../../contract/rules/fingerprint';

export const PROFILE_FORMAT = 'xs4-site-profile';
export const PROFILE_VERSION = 1;
export const MAX_PROFILE_BYTES = 256 * 1024;

const fingerprint = z.string().regex(SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE);
/** Checked after the schema by the project's one URL rule (parseServiceUrl), which names the field and the rule. */
const serviceUrl = z.string().max(2048);

/**
 * Strict: unknown fields are refused, so a secret (shipKey, token) can never ride along in a profile — and a typo in a
 * field name is named instead of being ignored.
 */
export const SiteProfileSchema = z
  .object({
    format: z.literal(PROFILE_FORMAT),
    version: z.literal(PROFILE_VERSION),
    /** Free text for people ("Hotel Miramar, main building"). */
    siteName: z.string().max(200).optional(),
    faceUrl: serviceUrl.optional(),
    facePinnedFingerprint256: fingerprint.optional(),
    /** Base URL at which XS4 Face reaches Space's SHIP, e.g. https://space.example:8100/. */
    spaceUrl: serviceUrl.optional(),
    spacePinnedFingerprint256: fingerprint.optional(),
    enrollment: z
      .object({
        companyName: z.string().trim().min(1, 'must not be empty').max(200).optional(),
        privacyPolicyUrl: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SiteProfile = z.infer<typeof SiteProfileSchema>;

/** The fields a profile may hold, at the top and in `enrollment` (anything else is refused by name). */
const FIELDS = Object.keys(SiteProfileSchema.shape);
const ENROLLMENT_FIELDS = ['companyName', 'privacyPolicyUrl'];

/** A field the profile must not hold: named (never its value, which may be a secret pasted by mistake). */
function unknownField(raw: object): string | undefined {
  const top = Object.keys(raw).find((k) => !FIELDS.includes(k));
  if (top !== undefined) return top;
  const e = (raw as { enrollment?: unknown }).enrollment;
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return undefined; // refused by validateProfile
  const inner = Object.keys(e).find((k) => !ENROLLMENT_FIELDS.includes(k));
  return inner === undefined ? undefined : `enrollment.${inner}`;
}

/** Validates a parsed profile; the error names the field and the rule. */
export function validateProfile(raw: unknown): SiteProfile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidInput('profileFile', text('rules.profile.object'));
  if ('version' in raw && typeof raw.version === 'number' && raw.version > PROFILE_VERSION) {
    throw new AppError('PROFILE_NEWER_VERSION', {
      params: { version: raw.version, supported: PROFILE_VERSION },
      detail: { version: raw.version },
    });
  }
  const unknown = unknownField(raw);
  if (unknown !== undefined)
    throw invalidInput('profileFile', text('rules.profile.unknownField', { name: unknown.slice(0, 80) }));
  const e = (raw as { enrollment?: unknown }).enrollment;
  // Named here: its label would be the parent of its fields' labels (fields.profile.enrollment.*).
  if (e !== undefined && (typeof e !== 'object' || e === null || Array.isArray(e)))
    throw invalidInput('profileFile', text('rules.profile.enrollmentObject'));
  const profile = parse(SiteProfileSchema, raw, 'profile');
  if (profile.faceUrl !== undefined) parseServiceUrl(profile.faceUrl, 'profile.faceUrl');
  if (profile.spaceUrl !== undefined) parseServiceUrl(profile.spaceUrl, 'profile.spaceUrl');
  return profile;
}

export async function importProfile(path: string): Promise<SiteProfile> {
  let content: string;
  try {
    const st = await lstat(path);
    if (!st.isFile())
      throw new AppError('PROFILE_UNREADABLE', {
        variant: 'notFile',
        params: { file: path },
        detail: { file: path },
      });
    if (st.size > MAX_PROFILE_BYTES)
      throw new AppError('PROFILE_TOO_LARGE', {
        params: { file: path, max: MAX_PROFILE_BYTES },
        detail: { file: path },
      });
    content = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('PROFILE_UNREADABLE', {
      variant: 'io',
      params: { file: path, code: ioCode(e) },
      detail: { file: path },
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch {
    throw invalidInput('profileFile', text('rules.validJson'));
  }
  return validateProfile(raw);
}

/** Writes the profile (validated first) atomically: temp file then rename. */
export async function exportProfile(path: string, profile: SiteProfile): Promise<void> {
  const valid = validateProfile(profile);
  const tmp = `${path}.partial-${process.pid}`;
  try {
    await writeFile(tmp, `${JSON.stringify(valid, null, 2)}\n`, { encoding: 'utf8', flag: 'w' });
    await rename(tmp, path);
  } catch (e) {
    throw new AppError('PROFILE_WRITE_FAILED', {
      params: { file: path, code: ioCode(e) },
      detail: { file: path },
    });
  }
}
