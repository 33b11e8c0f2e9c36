// Site profile: the non-secret settings of one site, exported to a file and imported elsewhere (or by `setup --profile`).
import { lstat, readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, invalidInput } from '../errors';
import { parseServiceUrl } from '../net/endpoint';
import { parse } from '../parse';
import { SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE } from '../../../contract/rules/fingerprint';

export const PROFILE_FORMAT = 'xs4-site-profile';
export const PROFILE_VERSION = 1;
export const MAX_PROFILE_BYTES = 256 * 1024;

const fingerprint = z.string().regex(SHA256_FINGERPRINT, SHA256_FINGERPRINT_RULE);
const serviceUrl = z.string().superRefine((v, ctx) => {
  try {
    parseServiceUrl(v);
  } catch (e) {
    // The rule travels as the catalog Text the URL check made (parse() reads it from the issue's params).
    const rule = e instanceof AppError ? e.params?.['rule'] : undefined;
    ctx.addIssue({
      code: 'custom',
      message: 'must be a URL such as https://host:8100/',
      ...(rule !== undefined ? { params: { rule } } : {}),
    });
  }
});

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

export const ProfileCodes = {
  UNREADABLE: 'PROFILE_UNREADABLE',
  TOO_LARGE: 'PROFILE_TOO_LARGE',
  NEWER: 'PROFILE_NEWER_VERSION',
  WRITE_FAILED: 'PROFILE_WRITE_FAILED',
} as const;

/** Validates a parsed profile; the error names the field and the rule. */
export function validateProfile(raw: unknown): SiteProfile {
  if (
    raw !== null &&
    typeof raw === 'object' &&
    'version' in raw &&
    typeof raw.version === 'number' &&
    raw.version > PROFILE_VERSION
  ) {
    throw new AppError(
      ProfileCodes.NEWER,
      `profile: version ${raw.version} is newer than this tool reads (${PROFILE_VERSION}).`,
      'Update xs4-setup, or export the profile again from this version.',
      { version: raw.version },
    );
  }
  return parse(SiteProfileSchema, raw, 'profile', {
    unknownKeyRule: 'is not a profile field (profiles hold no secrets and no unknown fields)',
  });
}

export async function importProfile(path: string): Promise<SiteProfile> {
  let text: string;
  try {
    const st = await lstat(path);
    if (!st.isFile())
      throw new AppError(
        ProfileCodes.UNREADABLE,
        `${path}: is not a regular file.`,
        'Give the profile file itself.',
        { file: path },
      );
    if (st.size > MAX_PROFILE_BYTES)
      throw new AppError(
        ProfileCodes.TOO_LARGE,
        `${path}: is larger than ${MAX_PROFILE_BYTES} bytes.`,
        'Give a profile exported by this tool.',
        { file: path },
      );
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      ProfileCodes.UNREADABLE,
      `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Check the path and permissions.',
      { file: path },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw invalidInput('profile', 'must be valid JSON');
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
    throw new AppError(
      ProfileCodes.WRITE_FAILED,
      `${path}: could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Choose a folder you can write to.',
      { file: path },
    );
  }
}
