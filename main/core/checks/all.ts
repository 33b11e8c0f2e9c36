// Every check the product ships, in display order: XS4 Face, then Space over the network, then the Windows side.
import { buildRegistry } from './registry';
import type { Check } from './types';
import { faceChecks } from './face/index';
import { spaceChecks } from './space/index';

export const checkGroups: ReadonlyArray<readonly Check[]> = [
  faceChecks as readonly Check[],
  spaceChecks as readonly Check[],
];

/** The product's registry (validated once: duplicate ids, unknown dependencies, cycles). */
export function allChecks(): Check[] {
  return buildRegistry(checkGroups);
}
