// Check space.version: the Space service executable's file version must be at least the one HTTPS custom authentication needs.
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
      summary: 'Space is not installed: no version to check',
      remedy: 'Install Salto Space first.',
    };
  }
  const v = evidence.fileVersion;
  if (!v || !/^\d+(\.\d+){1,3}$/.test(v) || /^0(\.0)*$/.test(v)) {
    return {
      status: 'warn',
      code: 'SPACE_VERSION_UNREADABLE',
      summary: 'Could not read the Space version',
      detail: `Executable: ${evidence.executable ?? 'not found'}; version "${v ?? ''}".`,
      remedy: `Check Help › About in Space: ${min} or later is needed for HTTPS with custom authentication.`,
    };
  }
  if (compareVersions(v, min) < 0) {
    return {
      status: 'fail',
      code: 'SPACE_VERSION_TOO_OLD',
      summary: `Space ${v} is older than ${min}`,
      detail: `SHIP over HTTPS with custom authentication needs Space ${min} or later.`,
      remedy: `Update Salto Space to ${min} or later.`,
    };
  }
  return {
    status: 'pass',
    code: 'SPACE_VERSION_OK',
    summary: `Space ${v}`,
    detail: `At least ${min}, as HTTPS custom authentication needs.`,
  };
}

export function spaceVersionCheck(deps: WindowsCheckDeps): Check<SpaceEvidence> {
  return {
    id: 'space.version',
    title: 'Space version supports HTTPS custom authentication',
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
