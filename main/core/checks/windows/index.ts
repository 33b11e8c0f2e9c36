// The Windows checks of the Space server, built from their dependencies, and what the setup service and CLI need of them.
import type { Check } from '../types';
import type { WindowsCheckDeps } from './deps';
import { firewallSpacePortCheck } from './firewall-space-port';
import { powerAdapterCheck } from './power-adapter';
import { powerSleepCheck } from './power-sleep';
import { powerStatesCheck } from './power-states';
import { spaceServiceCheck } from './space-service';
import { spaceVersionCheck } from './space-version';

export type { WindowsCheckDeps } from './deps';
export { spaceServerDetails } from './space-evidence';

/** All six, in the order a run should show them; space.version and firewall.space-port reuse space.service's evidence when given. */
export function windowsChecks(deps: WindowsCheckDeps): Check[] {
  return [
    powerSleepCheck(deps),
    powerAdapterCheck(deps),
    powerStatesCheck(deps),
    spaceServiceCheck(deps),
    spaceVersionCheck(deps),
    firewallSpacePortCheck(deps),
  ] as Check[];
}
export { createWindowsRun } from './windows-run';
