// Check space.version: the Space service executable's file version must be at least the one HTTPS custom authentication needs.
import { text } from '../../../../contract/text';
import { SPACE_ASSUMPTIONS } from '../../windows/space-assumptions';
import type { Check, CheckResult } from '../types';
import { skipResult, type WindowsCheckDeps } from './deps';
import {
  collectSpace,
  compareVersions,
  serviceUnreadable,
  SpaceEvidenceSchema,
  type SpaceEvidence,
} from './space-evidence';

export function evaluateSpaceVersion(evidence: SpaceEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  const unreadable = serviceUnreadable(evidence);
  if (unreadable) return unreadable;
  const min = SPACE_ASSUMPTIONS.minVersionHttpsCustomAuth;
  if (!evidence.service) {
    return {
      status: 'fail',
      code: 'SPACE_SERVICE_MISSING',
      summary: text('checks.space.version.missing.summary'),
      remedy: text('checks.space.version.missing.remedy'),
    };
  }
  const v = evidence.fileVersion;
  if (!v || !/^\d+(\.\d+){1,3}$/.test(v) || /^0(\.0)*$/.test(v)) {
    return {
      status: 'warn',
      code: 'SPACE_VERSION_UNREADABLE',
      summary: text('checks.space.version.unreadable.summary'),
      detail: text('checks.space.version.unreadable.detail', {
        executable: evidence.executable ?? text('checks.space.version.notFound'),
        version: v ?? '',
      }),
      remedy: text('checks.space.version.unreadable.remedy', { min }),
    };
  }
  if (compareVersions(v, min) < 0) {
    return {
      status: 'fail',
      code: 'SPACE_VERSION_TOO_OLD',
      summary: text('checks.space.version.tooOld.summary', { version: v, min }),
      detail: text('checks.space.version.tooOld.detail', { min }),
      remedy: text('checks.space.version.tooOld.remedy', { min }),
    };
  }
  return {
    status: 'pass',
    code: 'SPACE_VERSION_OK',
    summary: text('checks.space.version.ok.summary', { version: v }),
    detail: text('checks.space.version.ok.detail', { min }),
  };
}

export function spaceVersionCheck(deps: WindowsCheckDeps): Check<SpaceEvidence> {
  return {
    id: 'space.version',
    title: text('checks.space.version.title'),
    windowsOnly: true,
    evidenceSchema: SpaceEvidenceSchema,
    // The same evidence as space.service: reuse it when that check ran first.
    async collect(ctx) {
      const dep = SpaceEvidenceSchema.safeParse(ctx.dependencies['space.service']);
      return dep.success ? dep.data : collectSpace(deps, ctx);
    },
    evaluate: evaluateSpaceVersion,
  };
}
