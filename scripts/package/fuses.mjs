// Electron fuses for packaged builds: the exact fuse values per build kind, and the electron-builder afterPack hook that flips and verifies them.
// Fuses are bits baked into the Electron binary; flipping them after packing (and before signing) closes doors
// the app never uses: running the binary as plain Node, NODE_OPTIONS, --inspect, loading code from outside the asar.
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Release builds go to technicians; test builds are the same app with --inspect allowed so Playwright's _electron can attach. */
export const BUILD_KINDS = ['release', 'test'];
/** Environment variable that selects the build kind; unset means release. */
export const BUILD_KIND_ENV = 'XS4_BUILD_KIND';
/** Set only by the offline package check, whose stub Electron has no fuse wire. A real binary is never skipped. */
export const STUB_ELECTRON_ENV = 'XS4_PACKAGE_STUB_ELECTRON';

// @electron/fuses stores these byte values in the wire.
const ENABLED = 49; // '1'
const DISABLED = 48; // '0'

/** The build kind from the environment; an unknown value is an error, never a silent release or test build. */
export function buildKind(env = process.env) {
  const value = env[BUILD_KIND_ENV];
  if (value === undefined || value === '') return 'release';
  if (!BUILD_KINDS.includes(value)) {
    throw new Error(`${BUILD_KIND_ENV} must be one of ${BUILD_KINDS.join(', ')} (got "${value}").`);
  }
  return value;
}

/** The complete fuse configuration for a build kind. Every fuse is set explicitly (strictlyRequireAllFuses), so a newer Electron with a new fuse fails the build until someone decides its value. */
export function fuseConfig(kind) {
  if (!BUILD_KINDS.includes(kind))
    throw new Error(`Unknown build kind "${kind}": expected one of ${BUILD_KINDS.join(', ')}.`);
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // The packaged exe must never act as a general-purpose Node runtime (ELECTRON_RUN_AS_NODE).
    [FuseV1Options.RunAsNode]: false,
    // Cookies at rest are encrypted with the OS key store (DPAPI on Windows).
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS could inject code (--require) into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect opens a debugger port to the main process; only test builds allow it, for Playwright's _electron.
    [FuseV1Options.EnableNodeCliInspectArguments]: kind === 'test',
    // The exe checks app.asar against the hash electron-builder embedded, so a tampered asar does not start.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // No resources/app folder can take the place of the (validated) app.asar.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The app uses no custom V8 snapshot.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is served from app://, so file:// needs none of its legacy privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Electron's default; WebAssembly bounds checks via trap handlers.
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

/** "RunAsNode=off, EnableCookieEncryption=on, ..." for logs and reports. */
export function describeFuses(config) {
  return Object.entries(config)
    .filter(([key]) => /^\d+$/.test(key))
    .map(([index, on]) => `${FuseV1Options[Number(index)]}=${on ? 'on' : 'off'}`)
    .join(', ');
}

/** Where the Electron executable of a packed app is, per platform (the file whose fuse wire is flipped). */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`);
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return join(appOutDir, `${productFilename}.app`);
  return join(appOutDir, packager.executableName);
}

const NO_SENTINEL = /Could not find sentinel/;

/** Reads the binary's fuse wire back and throws unless every configured fuse has the configured value. */
export async function verifyFuses(binaryPath, kind, fuses = { getCurrentFuseWire }) {
  const config = fuseConfig(kind);
  const wire = await fuses.getCurrentFuseWire(binaryPath);
  const wrong = Object.entries(config)
    .filter(([key]) => /^\d+$/.test(key))
    .filter(([index, on]) => wire[index] !== (on ? ENABLED : DISABLED))
    .map(([index, on]) => `${FuseV1Options[Number(index)]} should be ${on ? 'on' : 'off'}`);
  if (wrong.length > 0)
    throw new Error(`Fuses of ${binaryPath} do not match the ${kind} configuration: ${wrong.join('; ')}.`);
  return config;
}

/**
 * Flips the fuses of one packed binary and verifies them. Returns what it did, for the log and the tests.
 * A binary without a fuse wire is refused, unless the offline package check declared its stub Electron.
 */
export async function applyFuses(
  binaryPath,
  kind,
  { env = process.env, log = console.log, fuses = { flipFuses, getCurrentFuseWire } } = {},
) {
  const config = fuseConfig(kind);
  try {
    await fuses.getCurrentFuseWire(binaryPath);
  } catch (error) {
    if (!NO_SENTINEL.test(String(error?.message))) throw error;
    if (env[STUB_ELECTRON_ENV] === '1') {
      log(
        `[fuses] SKIPPED for ${binaryPath}: it has no fuse wire, and ${STUB_ELECTRON_ENV}=1 says it is the stub Electron of the offline package check. A real Electron binary is never skipped.`,
      );
      return { skipped: true, kind, config };
    }
    throw new Error(
      `[fuses] ${binaryPath} has no Electron fuse wire, so its fuses cannot be set; refusing to produce a build without them. (Only the offline package check's stub may skip, with ${STUB_ELECTRON_ENV}=1.)`,
      { cause: error },
    );
  }
  await fuses.flipFuses(binaryPath, config);
  await verifyFuses(binaryPath, kind, fuses);
  log(`[fuses] ${kind} build, ${binaryPath}: ${describeFuses(config)}`);
  return { skipped: false, kind, config };
}

/** electron-builder afterPack hook (runs after the asar and extra resources are in place, before signing). */
export async function afterPack(context) {
  await applyFuses(electronBinaryPath(context), buildKind());
}

// CLI for the Windows workflow: node scripts/package/fuses.mjs verify <binary> <release|test>
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, binary, kind] = process.argv.slice(2);
  if (command !== 'verify' || !binary || !kind) {
    console.error('usage: node scripts/package/fuses.mjs verify <path to packaged exe> <release|test>');
    process.exit(2);
  }
  try {
    const config = await verifyFuses(binary, kind);
    console.log(`[fuses] ${binary} matches the ${kind} configuration: ${describeFuses(config)}`);
  } catch (error) {
    console.error(String(error?.message ?? error));
    process.exit(1);
  }
}
