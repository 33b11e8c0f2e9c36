// Entry of the xs4-setup command line (bundled to dist/cli/cli.cjs, launched by bin/xs4-setup.cjs).
import { allChecks } from './core/checks/all';
import { processIo } from './cli/io';
import { runCli } from './cli/run-cli';

const controller = new AbortController();
// First Ctrl+C cancels the run cleanly (checks report "cancelled"); a second one leaves at once.
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), { io: processIo(), checks: allChecks, signal: controller.signal }).then(
  (code) => {
    // A collect that ignored its signal may still hold a socket open; the verdict is out, so leave.
    process.stdout.write('', () => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`xs4-setup: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(3);
  },
);
