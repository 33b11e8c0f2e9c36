// Every check the product ships, in display order: XS4 Face, then Space over the network, then the Windows side.
import { buildRegistry } from './registry';
import type { Check } from './types';
import { faceChecks } from './face/index';
import { spaceChecks } from './space/index';
import { windowsChecks, type WindowsCheckDeps } from './windows/index';

/** The groups, with the Windows checks built on the run's PowerShell session and elevated runner. */
export function checkGroups(windows: WindowsCheckDeps): ReadonlyArray<readonly Check[]> {
  return [faceChecks as readonly Check[], spaceChecks as readonly Check[], windowsChecks(windows)];
}

/** The product's registry (validated: duplicate ids, unknown dependencies, cycles). */
export function allChecks(windows: WindowsCheckDeps): Check[] {
  return buildRegistry(checkGroups(windows));
}
