// Stand-in for the elevated PowerShell wrapper: writes the log and status files the way the wrapper does, or misbehaves on purpose.
import { appendFileSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';

const [mode, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The wrapper's status line: the run's nonce, then what happened.
const status = (text) => writeFileSync(spec.status, `${spec.nonce} ${text}`);
// The runner writes the nonce into the cancel file; the elevated watcher obeys nothing else.
const cancelled = () => existsSync(spec.cancel) && readFileSync(spec.cancel, 'utf8').trim() === spec.nonce;

const modes = {
  // Writes three lines over time, then the status file, like a completed run.
  async ok() {
    writeFileSync(spec.log, '');
    for (let i = 1; i <= 3; i++) {
      appendFileSync(spec.log, `step ${i} — ✓\r\n`);
      await sleep(150);
    }
    status(`completed ${spec.params.ExitWith ?? 0}`);
    return 0;
  },
  // The outer wrapper's answer to a refused UAC prompt.
  async uac() {
    return 1223;
  },
  // UAC was refused (nothing ran), but someone planted a status file claiming success: the old format, and a wrong nonce.
  async planted() {
    writeFileSync(spec.status, '0');
    return 1223;
  },
  async plantedNonce() {
    writeFileSync(spec.status, `${'f'.repeat(32)} completed 0`);
    return 1223;
  },
  // Exits without ever writing a status file.
  async nostatus() {
    return 0;
  },
  // Runs until the runner drops the cancel file, then ends the way the elevated watcher would end it.
  async hang() {
    writeFileSync(spec.log, 'started\r\n');
    for (;;) {
      if (cancelled()) {
        appendFileSync(spec.log, 'cancel seen\r\n');
        return 1;
      }
      await sleep(25);
    }
  },
  // Ignores the cancel file: the runner must stop waiting on its own.
  async stubborn() {
    writeFileSync(spec.log, 'started\r\n');
    await sleep(60_000);
    return 0;
  },
  // An install script that prints what it configured, secrets included, a line split across two writes.
  async leak() {
    writeFileSync(spec.log, '');
    appendFileSync(spec.log, 'configured the SHIP key CANARY-INSTALL-');
    await sleep(150);
    appendFileSync(spec.log, 'SHIP-7f3a9c0d\r\n');
    appendFileSync(spec.log, 'calling Space with Salto-SHIP-Key: typed-by-script-91\r\n');
    appendFileSync(spec.log, 'XS4 Face answered to Authorization: Bearer eyJhbGci.payload.sig\r\n');
    appendFileSync(spec.log, 'done\r\n');
    status('completed 0');
    return 0;
  },
  // Reads the secret the way the wrapper does (file, then delete) and logs only facts about it.
  async secret() {
    const secret = readFileSync(spec.secretFile, 'utf8');
    rmSync(spec.secretFile);
    writeFileSync(
      spec.log,
      `secret length ${secret.length}; param ${spec.secretParam}; still there ${existsSync(spec.secretFile)}\r\n`,
    );
    status('completed 0');
    return 0;
  },
};

const run = modes[mode];
process.exit(run ? await run() : 2);
