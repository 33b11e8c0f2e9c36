// What the core's IPC handlers need from the outside world, injected by main/index.ts (app), the e2e harness and tests.
import type { ErrorInfo } from '../errors';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import type { SetupWiring } from './setup-handlers';
import type { TroubleshootWiring } from '../troubleshoot/troubleshoot-service';
import type { SignInService } from '../auth/sign-in-service';
import type { PathDialogs } from './dialog-handlers';

export interface AppIdentity {
  productName: string;
  version: string;
  /** process.platform of the machine running the core. */
  platform: string;
  arch: string;
}

export interface CoreDeps {
  app: AppIdentity;
  settings: SettingsStore;
  secrets: SecretStore;
  log: Logger;
  clock: () => Date;
  paths: { userData: string; logs: string };
  /** Problems met while starting (e.g. SETTINGS_CORRUPT); shown by the UI through app.info. */
  startupProblems: ErrorInfo[];
  /** The setup flow behind the `setup.*`, `history.list` and `clipboard.*` channels. */
  setup: SetupWiring;
  /** Evidence bundles and reports for the Troubleshoot view (`troubleshoot.*`). */
  troubleshoot: TroubleshootWiring;
  /** Microsoft sign-in per XS4 Face region (`signIn.*`): the same service gives the setup flow its tokens. */
  signIn: SignInService;
  /** The system's file and folder dialogs behind the Browse buttons (`dialog.choosePath`), shown by the main process. */
  dialogs: PathDialogs;
}
