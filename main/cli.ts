// Entry of the xs4-setup command line: bundled to dist/cli/cli.cjs (launched by bin/xs4-setup.cjs) and into the xs4-setup executable (npm run build:cli-exe).
import * as path from 'node:path';
import { isSea } from 'node:sea';
import { allChecks } from './core/checks/all';
import { createWindowsRun } from './core/checks/windows/index';
import { processIo } from './cli/io';
import { installLastResort, internalErrorLine } from './cli/last-resort';
import { runCli } from './cli/run-cli';
import { cliSetupFactory } from './cli/setup-factory';
import { defaultCliAuth } from './cli/sign-in';

const controller = new AbortController();
// First Ctrl+C cancels the run cleanly (checks report "cancelled"); a second one leaves at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

// The PowerShell scripts ship in resources/ at the top of a checkout; the launcher (bin/xs4-setup.cjs, or main/cli.ts
// under tsx) sits one folder below it, as the installed executable does (<install dir>\bin\xs4-setup.exe beside
// <install dir>\resources). Inside the executable argv[1] is the name it was invoked by, so its own path is execPath.
// XS4_RESOURCES_DIR overrides; the working directory is the last resort.
const launcher = isSea() ? process.execPath : process.argv[1];
const windows = createWindowsRun({
  resourcesDir:
    process.env.XS4_RESOURCES_DIR ??
    (launcher ? path.resolve(path.dirname(launcher), '..', 'resources') : 'resources'),
});

const io = processIo();
installLastResort(io);
const auth = defaultCliAuth(process.platform);
runCli(process.argv.slice(2), {
  io,
  checks: () => allChecks(windows.deps),
  setup: cliSetupFactory(io, allChecks, windows.deps, auth, controller.signal),
  signal: controller.signal,
  auth,
})
  .finally(() => windows.dispose())
  .then(
    (code) => {
      // A collect that ignored its signal may still hold a socket open; the verdict is out, so leave.
      process.stdout.write('', () => process.exit(code));
    },
    (e: unknown) => {
      process.stderr.write(internalErrorLine(e));
      process.exit(3);
    },
  );
