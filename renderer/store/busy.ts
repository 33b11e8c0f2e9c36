// What the page is waiting for: one named action at a time; the step's buttons disable while it is set.

/** Actions of the wizard's steps. */
export type WizardBusy =
  | 'load'
  | 'navigate'
  | 'complete'
  | 'startOver'
  | 'loadSignIn'
  | 'signIn'
  | 'deviceCode'
  | 'signOut'
  | 'connect'
  | 'trust'
  | 'chooseServer'
  | 'keepWaiting'
  | 'integrations'
  | 'addIntegrations'
  | 'loadDetails'
  | 'saveDetails'
  | 'loadShipKey'
  | 'generateShipKey'
  | 'enterShipKey'
  | 'reveal'
  | 'copy'
  | 'resetAuthKey'
  | 'loadScript'
  | 'runScript'
  | 'loadGeneralOptions'
  | 'loadEnrollment'
  | 'saveEnrollment'
  | 'policyCheck'
  | 'verify'
  | 'verifyStatus'
  | 'checkWrite'
  | 'history';

/** Moving between steps: the step list and Back wait only for these (a long operation does not hold them). */
export const NAVIGATION_BUSY: readonly Busy[] = ['load', 'navigate', 'complete', 'startOver'];

/** Actions of the Troubleshoot view. */
export type TroubleshootBusy = 'openBundle' | 'exportReport' | 'collectBundle';

/** Space's certificate, from the Space settings step or Troubleshoot. */
export type SpaceTrustBusy = 'spaceCertificate' | 'trustSpace';

/** Check runs and fixes, started from either. */
export type CheckBusy = 'checks' | 'fix' | 'undo';

/** A system file or folder dialog (Browse…) is open. */
export type DialogBusy = 'browse';

export type Busy = WizardBusy | TroubleshootBusy | SpaceTrustBusy | CheckBusy | DialogBusy;

/** Long operations with live progress (and a log), shown by the LogPanel under `op.kind.<kind>`. */
export type OperationKind =
  | 'installScript'
  | 'checks'
  | 'fix'
  | 'undo'
  | 'policyCheck'
  | 'verify'
  | 'collectBundle'
  /** A write to XS4 Face (read back after it is applied); may wait while it is pending. */
  | 'write'
  /** Keeping waiting for a write left pending. */
  | 'keepWaiting'
  /** Reading back a write sent without an answer: does XS4 Face hold it? */
  | 'checkWrite'
  /** The Microsoft sign-in in the system browser, or with a code on another device. */
  | 'signIn'
  | 'deviceCode';
