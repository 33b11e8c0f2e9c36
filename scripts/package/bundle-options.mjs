// esbuild options shared by `npm run build` (dist/) and `npm run build:cli-exe` (the CLI executables), so both bundle the CLI alike.

/** Node bundles: everything but Node built-ins (and electron, for the main process) is bundled in. */
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

/** A CommonJS bundle of `entry` as `<outdir>/<name>.cjs`. */
export function nodeBundle(entry, outdir, name) {
  return {
    ...common,
    entryPoints: { [name]: entry },
    outdir,
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  };
}
