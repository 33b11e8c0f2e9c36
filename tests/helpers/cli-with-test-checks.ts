// The real CLI (runCli, process I/O) with the test-only checks: spawned by the CLI end-to-end tests through tsx.
// XS4_TEST_POWERCFG_FILE names the file the power check "runs powercfg" on (the one seam: no powercfg on Linux).
import { readFile } from 'node:fs/promises';
import { buildRegistry } from '../../main/core/checks/registry';
import { processIo } from '../../main/cli/io';
import { runCli } from '../../main/cli/run-cli';
import { installLastResort } from '../../main/cli/last-resort';
import {
  crashOutsideHandlers,
  faceReachable,
  powerSleepCheck,
  shipAuth,
  spaceReachable,
} from './test-checks';

const powercfgFile = process.env['XS4_TEST_POWERCFG_FILE'];
const checks = () =>
  buildRegistry([
    [faceReachable],
    [spaceReachable, shipAuth],
    [
      powerSleepCheck(() =>
        powercfgFile
          ? readFile(powercfgFile, 'utf8')
          : Promise.reject(Object.assign(new Error('no file'), { code: 'ENOENT' })),
      ),
    ],
    ...(process.env['XS4_TEST_INTERNAL_ERROR'] ? [[crashOutsideHandlers]] : []),
  ]);

const io = processIo();
installLastResort(io);
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
runCli(process.argv.slice(2), { io, checks, signal: controller.signal }).then((code) => process.exit(code));
