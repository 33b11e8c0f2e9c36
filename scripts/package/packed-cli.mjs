// Checks that a packed Windows app carries xs4-setup.exe in bin\ (electron-builder's extraFiles skips a missing source
// with only a warning, which would ship an installer without the CLI).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPe, readRcData } from './pe.mjs';
import { SEA_RESOURCE, seaFuseState } from './sea-fuse.mjs';

/** Where the installer puts the CLI, relative to the install folder; its folder is what goes on the system PATH. */
export const PACKED_CLI = join('bin', 'xs4-setup.exe');

/** Throws naming what is wrong and how to fix it; returns the path when the packed CLI is a real xs4-setup.exe. */
export function checkPackedCli(appOutDir) {
  const file = join(appOutDir, PACKED_CLI);
  const remedy =
    'Build it with `npm run build:cli-exe -- --target win-x64` before packaging (`npm run dist` does).';
  if (!existsSync(file)) throw new Error(`The packed app has no ${PACKED_CLI}. ${remedy}`);
  const buf = readFileSync(file);
  let problem = null;
  try {
    const pe = readPe(buf);
    if (!pe.isX64 || pe.subsystem !== 3) problem = 'is not an x64 console executable';
    else if (seaFuseState(buf) !== 'flipped' || !readRcData(buf, SEA_RESOURCE))
      problem = 'is a Node binary without the CLI blob';
  } catch (e) {
    problem = e.message;
  }
  if (problem) throw new Error(`The packed ${PACKED_CLI} ${problem}. ${remedy}`);
  return file;
}
