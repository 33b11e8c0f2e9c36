// `npm run build:cli-exe [-- --target linux-x64|win-x64 …]`: builds the xs4-setup executables into release-cli/<target>/.
// Windows executables are signed here when WIN_CSC_LINK/CSC_LINK are set and osslsigncode is available; otherwise
// electron-builder signs the copy it packs into the installer (it signs every .exe it packs).
import { buildCliExecutables, defaultTargets, DEFAULT_OUT } from './cli-exe.mjs';
import { canSignHere, signingFromEnv } from './sign-exe.mjs';
import { TARGETS } from './node-binary.mjs';

const USAGE = `Usage: npm run build:cli-exe [-- --target ${TARGETS.join('|')} …] [--out DIR]`;

function parse(argv) {
  const targets = [];
  let outDir = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (flag !== '--target' && flag !== '--out') throw new Error(`unknown flag ${flag}. ${USAGE}`);
    if (!value || value.startsWith('--')) throw new Error(`${flag}: needs a value. ${USAGE}`);
    if (flag === '--target') {
      if (!TARGETS.includes(value))
        throw new Error(`--target: must be one of ${TARGETS.join(', ')}, not "${value}".`);
      targets.push(value);
    } else outDir = value;
    i++;
  }
  return { targets: targets.length ? targets : defaultTargets(), outDir };
}

try {
  const { targets, outDir } = parse(process.argv.slice(2));
  let signing = signingFromEnv();
  if (signing && !canSignHere()) {
    console.log(
      '[cli-exe] signing secrets set but no osslsigncode here: electron-builder signs xs4-setup.exe when it packs the installer.',
    );
    signing = null;
  } else if (!signing && targets.some((t) => t.startsWith('win-'))) {
    console.log('[cli-exe] no WIN_CSC_LINK/CSC_LINK: xs4-setup.exe is unsigned.');
  }
  const built = await buildCliExecutables({
    targets,
    outDir,
    signing,
    log: (line) => console.log(`[cli-exe] ${line}`),
  });
  for (const b of built)
    console.log(`[cli-exe] ${b.file}  ${b.size} bytes  sha256 ${b.sha256}${b.signed ? '  signed' : ''}`);
} catch (e) {
  console.error(`[cli-exe] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
