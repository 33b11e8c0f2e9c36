// The Space checks, for the runner's registry.
import { spaceHttpsCheck } from './space-https';
import { spaceShipCheck } from './space-ship';

export * from './space-evidence';

export const spaceChecks = [spaceHttpsCheck, spaceShipCheck] as const;
