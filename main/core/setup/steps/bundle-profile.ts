// Troubleshoot's "Collect an evidence bundle" and `xs4-setup export-profile`: what this site is, written down.
import { text } from '../../../../contract/text';
import { hostname } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { AppError, toErrorInfo } from '../../errors';
import { runChecks as runEngine } from '../../checks/runner';
import { assertOutDirUsable, writeBundle } from '../../evidence/bundle-writer';
import { folderReady } from '../../fs/folder';
import {
  PROFILE_FORMAT,
  PROFILE_VERSION,
  validateProfile,
  type SiteProfile,
} from '../../profile/site-profile';
import type { SetupService } from '../service';
import { faceHostPort, type SetupContext } from '../context';
import { checkInputs } from '../check-inputs';
import { readSpaceDetails, spaceEndpoint } from '../space-target';
import { readEnrollment } from './enrollment';
import { viewsOf } from './checks';

export function bundleProfileSteps(ctx: SetupContext): Pick<SetupService, 'collectBundle' | 'siteProfile'> {
  const { deps } = ctx;
  return {
    async collectBundle(outDir, hooks, options = { createFolder: false }) {
      // The folder is judged before any check runs: a full one is refused, a missing one is created only if agreed.
      const path = resolvePath(outDir);
      await assertOutDirUsable(path);
      await folderReady(path, options.createFolder, 'path');
      const all = ctx.checks();
      const inputs = await checkInputs(ctx);
      const result = await runEngine(all, {
        inputs,
        timeoutMs: ctx.checkMs,
        platform: deps.platform,
        now: deps.now,
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onProgress: (e) =>
          hooks.onProgress?.(
            e.type === 'started'
              ? text('setup.progress.collecting', { title: e.title })
              : text('setup.progress.collected', { title: e.title }),
            null,
          ),
      });
      if (result.cancelled) throw new AppError('CANCELLED', { variant: 'collect' });
      const secrets = [await deps.secrets.get('faceAuthKey')].filter((x): x is string => x !== null);
      await writeBundle(path, result, all, {
        toolVersion: deps.toolVersion ?? 'unknown',
        createdAt: deps.now(),
        platform: deps.platform,
        machineName: hostname(),
        inputs,
        extraSecrets: secrets,
      });
      return { path, checks: await viewsOf(ctx, all, result) };
    },

    async siteProfile() {
      const settings = await deps.settings.get();
      const profile: SiteProfile = { format: PROFILE_FORMAT, version: PROFILE_VERSION };
      const leftOut: string[] = [];
      if (!settings.faceServerUrl) return { profile, leftOut: ['faceUrl (not connected to XS4 Face yet)'] };
      profile.faceUrl = settings.faceServerUrl;
      const facePin = settings.pinnedFingerprints[faceHostPort(settings.faceServerUrl)];
      if (facePin) profile.facePinnedFingerprint256 = facePin;
      // What XS4 Face holds is read live; an unreachable server or a missing token leaves those fields out, said by name.
      try {
        const details = await readSpaceDetails(ctx);
        if (details) {
          const space = await spaceEndpoint(ctx, details);
          profile.spaceUrl = space.url;
          if (space.pin) profile.spacePinnedFingerprint256 = space.pin;
        } else leftOut.push('spaceUrl (XS4 Face has no Space Server Details yet)');
        const enrollment = await readEnrollment(ctx);
        if (enrollment) profile.enrollment = enrollment;
        else leftOut.push('enrollment (not set in XS4 Face)');
      } catch (e) {
        leftOut.push(`spaceUrl and enrollment (XS4 Face could not be read: ${toErrorInfo(e).message})`);
      }
      return { profile: validateProfile(profile), leftOut };
    },
  };
}
