// The page's state for the setup wizard and Troubleshoot (zustand), composed of slices: what runs and what failed
// (activity.ts), the wizard (wizard.ts), sign-in, connection and server choice (connect.ts), writes left pending
// (pending.ts), Troubleshoot (troubleshoot.ts), Space's certificate (space-trust.ts). The shell's own state is
// shell-store.ts.
import { create } from 'zustand';
import { createActivitySlice, initialActivity, type ActivityActions, type ActivityState } from './activity';
import {
  createTroubleshootSlice,
  initialTroubleshoot,
  type TroubleshootActions,
  type TroubleshootState,
} from './troubleshoot';
import { createWizardSlice, initialWizard, type WizardActions, type WizardState } from './wizard';
import { createConnectSlice, initialConnect, type ConnectActions, type ConnectState } from './connect';
import { createPendingSlice, initialPending, type PendingActions, type PendingState } from './pending';
import {
  createSpaceTrustSlice,
  initialSpaceTrust,
  type SpaceTrustActions,
  type SpaceTrustState,
} from './space-trust';

export type SetupState = ActivityState &
  WizardState &
  ConnectState &
  PendingState &
  TroubleshootState &
  SpaceTrustState;
export type SetupStore = SetupState &
  ActivityActions &
  WizardActions &
  ConnectActions &
  PendingActions &
  TroubleshootActions &
  SpaceTrustActions;

/** @internal The state before anything was loaded (tests reset the store to it). */
export const initialSetupState: SetupState = {
  ...initialActivity,
  ...initialWizard,
  ...initialConnect,
  ...initialPending,
  ...initialTroubleshoot,
  ...initialSpaceTrust,
};

export const useSetupStore = create<SetupStore>()((...a) => ({
  ...createActivitySlice(...a),
  ...createWizardSlice(...a),
  ...createConnectSlice(...a),
  ...createPendingSlice(...a),
  ...createTroubleshootSlice(...a),
  ...createSpaceTrustSlice(...a),
}));
