// Every check the product ships, in display order. The lead wires the area groups here on merge:
//   import { faceChecks } from './face/index'; import { spaceChecks } from './space/index'; import { windowsChecks } from './windows/index';
// Until then the list is empty and the CLI says so instead of reporting an empty success.
import { buildRegistry } from './registry';
import type { Check } from './types';

export const checkGroups: ReadonlyArray<readonly Check[]> = [];

/** The product's registry (validated once: duplicate ids, unknown dependencies, cycles). */
export function allChecks(): Check[] {
  return buildRegistry(checkGroups);
}
