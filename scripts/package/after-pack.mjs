// electron-builder's afterPack hook: flip Electron's fuses (fuses.mjs), and on Windows make sure xs4-setup.exe was packed.
// Runs before electron-builder signs, so both the app and the CLI are signed as they ship.
import { afterPack as flipFuses } from './fuses.mjs';
import { checkPackedCli } from './packed-cli.mjs';

export default async function afterPack(context) {
  await flipFuses(context);
  if (context.electronPlatformName === 'win32') {
    const file = checkPackedCli(context.appOutDir);
    console.log(`[after-pack] xs4-setup.exe packed: ${file}`);
  }
}
