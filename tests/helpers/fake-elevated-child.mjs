// Stand-in for the elevated PowerShell wrapper: writes the log and status files the way the wrapper does, or misbehaves on purpose.
import { appendFileSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';

const [mode, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  switch (mode) {
    case 'ok': {
      writeFileSync(spec.log, '');
      for (let i = 1; i <= 3; i++) {
        appendFileSync(spec.log, `step ${i} — ✓\r\n`);
        await sleep(150);
      }
      writeFileSync(spec.status, String(spec.params.ExitWith ?? 0));
      process.exit(0);
    }
    case 'uac':
      process.exit(1223);
    case 'nostatus':
      process.exit(0);
    case 'hang':
      writeFileSync(spec.log, 'started\r\n');
      await sleep(60_000);
      process.exit(0);
    case 'secret': {
      const secret = readFileSync(spec.secretFile, 'utf8');
      rmSync(spec.secretFile);
      writeFileSync(spec.log, `secret length ${secret.length}; param ${spec.secretParam}; still there ${existsSync(spec.secretFile)}\r\n`);
      writeFileSync(spec.status, '0');
      process.exit(0);
    }
    default:
      process.exit(2);
  }
}
void main();
