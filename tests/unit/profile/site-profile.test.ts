// Site profiles: strict schema (no secrets, no unknown fields), version rule, export → import round trip.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  exportProfile,
  importProfile,
  type SiteProfile,
  validateProfile,
} from '../../../main/core/profile/site-profile';
import { AppError } from '../../../main/core/errors';

function errorOf(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an error');
}

const base = { format: 'xs4-site-profile', version: 1 } as const;

describe('site profile', () => {
  it('round trips through a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xs4-profile-'));
    const profile: SiteProfile = {
      ...base,
      siteName: 'Hotel Miramar',
      faceUrl: 'https://face.example/',
      spaceUrl: 'https://space.example:8100/',
      spacePinnedFingerprint256: 'AB:'.repeat(31) + 'AB',
      enrollment: { companyName: 'Miramar S.L.', privacyPolicyUrl: 'https://miramar.example/privacy' },
    };
    await exportProfile(join(dir, 'site.json'), profile);
    expect(await importProfile(join(dir, 'site.json'))).toEqual(profile);
  });

  it('names the field and the rule', () => {
    expect(errorOf(() => validateProfile({ ...base, faceUrl: 'ftp://face' })).message).toBe(
      'XS4 Face server address (faceUrl): scheme must be https or http, not ftp.',
    );
    expect(
      errorOf(() => validateProfile({ ...base, enrollment: { privacyPolicyUrl: 'http://x.example/p' } }))
        .message,
    ).toBe('Privacy policy address (enrollment.privacyPolicyUrl): must be an https:// URL.');
    expect(errorOf(() => validateProfile({ ...base, spacePinnedFingerprint256: 'abc' })).message).toMatch(
      /^Accepted Space certificate fingerprint \(spacePinnedFingerprint256\): must be a SHA-256 fingerprint/,
    );
    const secret = errorOf(() => validateProfile({ ...base, shipKey: 'secret-value' }));
    expect(secret.message).toBe(
      'Site profile: has the field “shipKey”, which is not a profile field (profiles hold no secrets and no unknown fields).',
    );
    expect(secret.message).not.toContain('secret-value');
    expect(errorOf(() => validateProfile({ ...base, version: 2 })).code).toBe('PROFILE_NEWER_VERSION');
    expect(errorOf(() => validateProfile({ format: 'other', version: 1 })).detail).toMatchObject({
      field: 'profile.format',
    });
  });

  it('refuses unreadable and oversized files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xs4-profile-'));
    await expect(importProfile(join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'PROFILE_UNREADABLE',
    });
    await writeFile(join(dir, 'big.json'), ' '.repeat(300 * 1024));
    await expect(importProfile(join(dir, 'big.json'))).rejects.toMatchObject({
      code: 'PROFILE_TOO_LARGE',
    });
  });
});
