// Check space.service: ProAccessSpaceService present, running, automatic start; reports its account and the server details XS4 Face needs.
import { SPACE_ASSUMPTIONS } from '../../windows/space-assumptions';
import type { Check, CheckResult } from '../types';
import { skipResult, type WindowsCheckDeps } from './deps';
import {
  collectSpace,
  serviceUnreadable,
  SpaceEvidenceSchema,
  spaceServerDetails,
  type SpaceEvidence,
} from './space-evidence';

export function evaluateSpaceService(evidence: SpaceEvidence): CheckResult {
  if (evidence.kind === 'unavailable') return skipResult(evidence);
  const unreadable = serviceUnreadable(evidence);
  if (unreadable) return unreadable;
  const s = evidence.service;
  if (!s) {
    return {
      status: 'fail',
      code: 'SPACE_SERVICE_MISSING',
      summary: `The Space service (${SPACE_ASSUMPTIONS.serviceName}) is not installed on this machine`,
      remedy:
        'Run the assistant on the server where Salto Space (ProAccess SPACE) is installed, or install Space first.',
    };
  }
  const d = spaceServerDetails(evidence);
  const facts = `Account ${s.account ?? 'unknown'}; start mode ${s.startMode}${s.delayedAutoStart ? ' (delayed)' : ''}. Server details for XS4 Face: ${d.fqdn ?? 'FQDN unknown'}, IPv4 ${d.ipv4.join(', ') || 'none'}, port ${d.port} (${d.portSource === 'default' ? 'default' : `from ${d.portSource}`}).`;
  if (s.state.toLowerCase() !== 'running') {
    return {
      status: 'fail',
      code: 'SPACE_SERVICE_STOPPED',
      summary: `The Space service is ${s.state.toLowerCase()}`,
      detail: facts,
      remedy:
        'Start the service from the Space Configurator (or services.msc) and check its event log if it stops again.',
    };
  }
  if (s.startMode.toLowerCase() !== 'auto') {
    return {
      status: 'warn',
      code: 'SPACE_SERVICE_NOT_AUTOMATIC',
      summary: `The Space service starts "${s.startMode}", not automatically`,
      detail: facts,
      remedy: 'Set the service start type to Automatic so Space comes back after a reboot.',
    };
  }
  return {
    status: 'pass',
    code: 'SPACE_SERVICE_OK',
    summary: 'The Space service is running and starts automatically',
    detail: facts,
  };
}

export function spaceServiceCheck(deps: WindowsCheckDeps): Check<SpaceEvidence> {
  return {
    id: 'space.service',
    title: 'Space service running',
    windowsOnly: true,
    evidenceSchema: SpaceEvidenceSchema,
    collect: (ctx) => collectSpace(deps, ctx),
    evaluate: evaluateSpaceService,
  };
}
