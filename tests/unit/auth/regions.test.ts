// Regions: the built-in ones (values not public yet) and a validated regions file; the origin a token is bound to.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegions, originOf, pickRegion } from '../../../main/core/auth/regions';

const local = {
  id: 'local',
  name: 'Local',
  protocol: 'oidc',
  authority: 'https://127.0.0.1:4000',
  clientId: 'client',
  scopes: ['api://x/.default'],
  audience: 'api://x',
  tenantId: null,
  apiBase: 'https://127.0.0.1:8443/',
};

async function file(content: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'xs4-regions-'));
  const f = join(dir, 'regions.json');
  await writeFile(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}

describe('regions', () => {
  it('built-in regions exist but cannot be signed in to until their real values are known', async () => {
    const regions = await loadRegions({});
    expect(regions.map((r) => r.id)).toEqual(['eu', 'us', 'apac']);
    expect(() => pickRegion(regions, 'eu', 'cli')).toThrow(
      expect.objectContaining({ code: 'AUTH_REGION_NOT_CONFIGURED' }),
    );
    expect(() => pickRegion(regions, undefined, 'cli')).toThrow(
      /Sign-in region: must be one of eu, us, apac/,
    );
  });

  it('a regions file adds a usable region, which is then the default', async () => {
    const regions = await loadRegions({ XS4_SIGNIN_REGIONS_FILE: await file({ regions: [local] }) });
    expect(pickRegion(regions, undefined, 'cli').id).toBe('local');
  });

  it('a bad regions file names the field and the rule', async () => {
    await expect(
      loadRegions({
        XS4_SIGNIN_REGIONS_FILE: await file({ regions: [{ ...local, authority: 'http://idp' }] }),
      }),
    ).rejects.toThrow(/regions\.0\.authority must be an https:\/\/ URL/);
    await expect(
      loadRegions({ XS4_SIGNIN_REGIONS_FILE: await file({ regions: [{ ...local, id: 'eu' }] }) }),
    ).rejects.toThrow(/"eu" is already used/);
    await expect(loadRegions({ XS4_SIGNIN_REGIONS_FILE: await file('not json') })).rejects.toMatchObject({
      code: 'AUTH_REGIONS_FILE_INVALID',
    });
  });

  it('binds to scheme, host and port, and only over https', () => {
    expect(originOf('https://Face.Example:8443/api/v1/')).toBe('https://face.example:8443');
    expect(originOf('https://face.example/')).toBe('https://face.example');
    expect(() => originOf('http://face.example/')).toThrow(/https/);
  });
});
