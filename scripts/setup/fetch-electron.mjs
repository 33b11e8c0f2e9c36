// Postinstall: fetch Electron's binary when this machine can, and carry on when it cannot.
// Electron >= 45 no longer downloads at install time; it downloads on first launch. Doing it
// here, bounded and non-fatal, means `npm start` works offline later on a normal developer
// machine, while machines that cannot reach the download host (CI, sandboxes) still install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[fetch-electron] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching the Electron binary.');
  process.exit(0);
}
let installJs;
try {
  installJs = require.resolve('electron/install.js');
} catch {
  // Production installs (npm ci --omit=dev) have no electron package: nothing to fetch.
  process.exit(0);
}
const result = spawnSync(process.execPath, [installJs], { stdio: 'inherit', timeout: 180_000 });
if (result.status === 0) {
  console.log('[fetch-electron] Electron binary is ready.');
} else {
  console.warn(
    '[fetch-electron] Could not download the Electron binary (offline or blocked). ' +
      'Everything except `npm start` works without it; run `npx install-electron` once you are online.',
  );
}
process.exit(0);
