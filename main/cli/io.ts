// The CLI's side effects in one object, so commands run in tests with captured output and a fake environment.
import { hostname } from 'node:os';

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  /** Reads all of standard input (for --ship-key-stdin). */
  readStdin(): Promise<string>;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  hostname(): string;
  now(): Date;
}

const MAX_STDIN_BYTES = 64 * 1024;

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += b.length;
        if (size > MAX_STDIN_BYTES) break;
        chunks.push(b);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    platform: process.platform,
    hostname,
    now: () => new Date(),
  };
}
