// Check space.service: ProAccessSpaceService present, running, automatic start; reports its account and the server details XS4 Face needs.
import { text, type Text, type TextParam } from '../../../../contract/text';
import { SPACE_ASSUMPTIONS } from '../../windows/space-assumptions';
import type { Check, CheckResult } from '../types';
import { skipResult, type WindowsCheckDeps } from './deps';
import {
  collectSpace,
  serviceUnreadable,
  SpaceEvidenceSchema,
  spaceServerDetails,
  type SpaceCollected,
  type SpaceEvidence,
  type SpaceServerDetails,
} from './space-evidence';
import { listOf } from '../../../../messages/joins';

/** A Win32 service state (Win32_Service.State) in the reader's words; an unknown one lower-cased, as before. */
function stateText(state: string): TextParam {
  switch (state.toLowerCase()) {
    case 'stopped':
      return text('checks.space.service.state.stopped');
    case 'start pending':
      return text('checks.space.service.state.startPending');
    case 'stop pending':
      return text('checks.space.service.state.stopPending');
    case 'continue pending':
      return text('checks.space.service.state.continuePending');
    case 'pause pending':
      return text('checks.space.service.state.pausePending');
    case 'paused':
      return text('checks.space.service.state.paused');
    case 'unknown':
      return text('checks.space.service.state.unknown');
    default:
      return state.toLowerCase();
  }
}

/** The service's account and start mode, and the server details XS4 Face needs. */
function factsOf(s: NonNullable<SpaceCollected['service']>, d: SpaceServerDetails): Text {
  return text('checks.space.service.facts', {
    account: s.account ?? text('checks.space.service.accountUnknown'),
    startMode: s.delayedAutoStart ? text('checks.space.service.delayed', { mode: s.startMode }) : s.startMode,
    fqdn: d.fqdn ?? text('checks.space.service.fqdnUnknown'),
    ipv4: listOf(d.ipv4),
    port: d.port,
    portSource:
      d.portSource === 'default'
        ? text('checks.space.service.portDefault')
        : text('checks.space.service.portFrom', { source: d.portSource }),
  });
}

export function evaluateSpaceService(evidence: SpaceEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  const unreadable = serviceUnreadable(evidence);
  if (unreadable) return unreadable;
  const s = evidence.service;
  if (!s) {
    return {
      status: 'fail',
      code: 'SPACE_SERVICE_MISSING',
      summary: text('checks.space.service.missing.summary', { service: SPACE_ASSUMPTIONS.serviceName }),
      remedy: text('checks.space.service.missing.remedy'),
    };
  }
  const facts = factsOf(s, spaceServerDetails(evidence));
  if (s.state.toLowerCase() !== 'running') {
    return {
      status: 'fail',
      code: 'SPACE_SERVICE_STOPPED',
      summary: text('checks.space.service.stopped.summary', { state: stateText(s.state) }),
      detail: facts,
      remedy: text('checks.space.service.stopped.remedy'),
    };
  }
  if (s.startMode.toLowerCase() !== 'auto') {
    return {
      status: 'warn',
      code: 'SPACE_SERVICE_NOT_AUTOMATIC',
      summary: text('checks.space.service.notAutomatic.summary', { startMode: s.startMode }),
      detail: facts,
      remedy: text('checks.space.service.notAutomatic.remedy'),
    };
  }
  return {
    status: 'pass',
    code: 'SPACE_SERVICE_OK',
    summary: text('checks.space.service.ok.summary'),
    detail: facts,
  };
}

export function spaceServiceCheck(deps: WindowsCheckDeps): Check<SpaceEvidence> {
  return {
    id: 'space.service',
    title: text('checks.space.service.title'),
    windowsOnly: true,
    evidenceSchema: SpaceEvidenceSchema,
    collect: (ctx) => collectSpace(deps, ctx),
    evaluate: evaluateSpaceService,
  };
}
