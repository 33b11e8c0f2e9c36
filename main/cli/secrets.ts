// Secrets for the CLI come from a file, an environment variable or stdin — never from argv (visible to every process).
import { lstat, readFile } from 'node:fs/promises';
import { shipKeyProblem, shipKeyProblemText } from '../../contract/rules/ship-key';
import { text, type Text } from '../../contract/text';
import { ioCode } from '../core/fs/atomic-write';
import { usageError, type ParsedFlags, stringFlag } from './args';
import type { CliIo } from './io';

const MAX_SECRET_FILE_BYTES = 64 * 1024;
/** Shorter values cannot be redacted safely from output (they would match ordinary text). */
export const MIN_SECRET_LENGTH = 4;
export const MAX_SECRET_LENGTH = 4096;

export interface SecretSpec {
  /** e.g. "ship-key" → --ship-key-file, --ship-key-stdin. */
  flag: string;
  env: string;
  /** What the secret is, for messages ("SHIP API key"). */
  what: Text;
  /** The value's own rule, when it has one (the SHIP key's is the one of contract/rules/ship-key.ts). */
  rule?: (value: string) => string | null;
}

/** Taken off what a file, stdin or the environment holds: a UTF-8 BOM and one trailing line break (file framing). */
function unframe(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
}

export const SHIP_KEY: SecretSpec = {
  flag: 'ship-key',
  env: 'XS4_SHIP_KEY',
  what: text('cli.secret.shipKey'),
  rule: (v) => {
    const p = shipKeyProblem(v);
    return p === null ? null : shipKeyProblemText(p);
  },
};
export const FACE_TOKEN: SecretSpec = {
  flag: 'face-token',
  env: 'XS4_FACE_TOKEN',
  what: text('cli.secret.faceToken'),
};

/** The value's rules; the message names where it came from, never the value. */
function validSecret(raw: string, source: string, spec: SecretSpec): string {
  const what = spec.what;
  const refuse = (problem: Text): never => {
    throw usageError(problem, { source });
  };
  if (spec.rule) {
    // Keys are taken exactly as written (only the file framing comes off): a key with a stray space is refused,
    // not silently changed into one Space does not hold.
    const value = unframe(raw);
    const broken = spec.rule(value);
    if (broken !== null) refuse(text('cli.secret.rule', { source, what, rule: broken }));
    return value;
  }
  const value = unframe(raw).trim();
  if (value === '') refuse(text('cli.secret.empty', { source, what }));
  if (/[\r\n]/.test(value)) refuse(text('cli.secret.oneLine', { source, what }));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) refuse(text('cli.secret.control', { source, what }));
  if (value.length < MIN_SECRET_LENGTH || value.length > MAX_SECRET_LENGTH)
    refuse(text('cli.secret.length', { source, what, min: MIN_SECRET_LENGTH, max: MAX_SECRET_LENGTH }));
  return value;
}

async function readSecretFile(path: string, flag: string, what: Text): Promise<string> {
  const option = `--${flag}-file`;
  try {
    const st = await lstat(path);
    if (!st.isFile())
      throw usageError(text('cli.secret.notFile', { option, path }), { flag: `${flag}-file` });
    if (st.size > MAX_SECRET_FILE_BYTES)
      throw usageError(text('cli.secret.tooLarge', { option, path, what }), { flag: `${flag}-file` });
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw usageError(text('cli.secret.unreadable', { option, path, code: ioCode(e) }), {
      flag: `${flag}-file`,
    });
  }
}

/**
 * Reads one secret: --<flag>-file or --<flag>-stdin (not both), else the environment variable, else undefined.
 */
export async function readSecret(
  spec: SecretSpec,
  flags: ParsedFlags,
  io: CliIo,
): Promise<string | undefined> {
  const file = stringFlag(flags, `${spec.flag}-file`);
  const stdin = flags[`${spec.flag}-stdin`] === true;
  if (file !== undefined && stdin)
    throw usageError(text('cli.usage.together', { flag: `${spec.flag}-stdin`, other: `${spec.flag}-file` }), {
      flag: `${spec.flag}-stdin`,
    });
  if (file !== undefined)
    return validSecret(await readSecretFile(file, spec.flag, spec.what), `--${spec.flag}-file`, spec);
  if (stdin) return validSecret(await io.readStdin(), `--${spec.flag}-stdin`, spec);
  const env = io.env[spec.env];
  if (env !== undefined && env !== '') return validSecret(env, spec.env, spec);
  return undefined;
}
