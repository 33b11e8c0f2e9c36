// The setup flow over the real parts (XS4 Face client, checks engine, Windows layer, history): a thin composition of
// one module per step group under steps/. The GUI's IPC handlers and `xs4-setup setup` both call it.
import type { SetupService } from './service';
import { createSetupContext, type SetupServiceDeps } from './context';
import { progressSteps } from './steps/progress';
import { connectSteps } from './steps/connect';
import { integrationSteps } from './steps/integrations';
import { spaceDetailsSteps } from './steps/space-details';
import { spaceTrustSteps } from './steps/space-trust';
import { shipKeySteps } from './steps/ship-key';
import { installScriptSteps } from './steps/install-script';
import { checkSteps } from './steps/checks';
import { generalOptionSteps } from './steps/general-options';
import { enrollmentSteps } from './steps/enrollment';
import { bundleProfileSteps } from './steps/bundle-profile';
import { verifyStep } from './steps/verify';
import { checkUnconfirmed, keepWaiting } from './pending-writes';

export type { SetupServiceDeps } from './context';

export function createSetupService(deps: SetupServiceDeps): SetupService {
  const ctx = createSetupContext(deps);
  return {
    ...progressSteps(ctx),
    ...connectSteps(ctx),
    ...integrationSteps(ctx),
    ...spaceDetailsSteps(ctx),
    ...spaceTrustSteps(ctx),
    ...shipKeySteps(ctx),
    ...installScriptSteps(ctx),
    ...checkSteps(ctx),
    ...generalOptionSteps(ctx),
    ...enrollmentSteps(ctx),
    ...bundleProfileSteps(ctx),
    ...verifyStep(ctx),
    keepWaiting: (changeId, hooks) => keepWaiting(ctx.pendingWrites, changeId, hooks),
    checkWrite: (checkId, hooks) => checkUnconfirmed(ctx.pendingWrites, checkId, hooks),
  };
}
