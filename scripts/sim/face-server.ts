// XS4 Face server simulator: `npm run sim:face -- --port N`, or startFaceSimulator() in-process for tests and the demo.
import { pathToFileURL } from 'node:url';
import { parseArgs, UsageError } from './face/cli-args';
import { startFaceSimulator } from './face/sim-server';

export { startFaceSimulator, type FaceSimulator, type FaceSimulatorOptions } from './face/sim-server';
export { type Faults, ROUTE_IDS, GARBAGE_KINDS } from './face/sim-faults';
export { defaultState, twoSitesState, type SimState } from './face/sim-state';

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`sim:face: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const sim = await startFaceSimulator(opts);
  // Simulator credentials only: they open nothing but this loopback simulator.
  process.stdout.write(
    `XS4 Face simulator on ${sim.url}\n` +
      `  certificate SHA-256: ${sim.fingerprint256}\n` +
      `  site/server: ${sim.siteId}/${sim.serverId}${opts.initialState ? ' (and the others of --two-sites)' : ''}\n` +
      (opts.oidc ? `  also accepts access tokens of ${opts.oidc.issuer} for ${opts.oidc.audience}\n` : '') +
      `  bearer token: ${opts.token ? '(from FACE_SIM_TOKEN)' : sim.token}\n` +
      `  admin token (header X-Sim-Admin-Token): ${opts.adminToken ? '(from FACE_SIM_ADMIN_TOKEN)' : sim.adminToken}\n`,
  );
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`sim:face: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
