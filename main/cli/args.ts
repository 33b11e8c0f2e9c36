// A small strict argument parser: unknown flags, missing values, repeats and bad numbers are one-line errors naming the flag.
import { AppError } from '../core/errors';

export type FlagType = 'string' | 'boolean';
export type FlagSpec = Record<string, FlagType>;
export type ParsedFlags = Record<string, string | boolean | undefined>;

export const USAGE = 'USAGE';

export function usageError(message: string, detail: Record<string, unknown> = {}): AppError {
  return new AppError(USAGE, message, 'Run "xs4-setup help" for the commands and their flags.', detail);
}

// Flags a user might try for a secret: refused with the right way, and never echoed with their value.
const SECRET_FLAGS: Record<string, string> = {
  'ship-key':
    'the SHIP key: use --ship-key-file F, --ship-key-stdin or the XS4_SHIP_KEY environment variable',
  'face-token':
    'the XS4 Face token: use --face-token-file F, --face-token-stdin or the XS4_FACE_TOKEN environment variable',
  key: 'keys: use --ship-key-file F, --ship-key-stdin or XS4_SHIP_KEY',
  token: 'tokens: use --face-token-file F, --face-token-stdin or XS4_FACE_TOKEN',
  password: 'passwords: use a file or an environment variable',
};

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. Positional arguments are refused without echoing
 * them: a secret pasted by mistake must not land in an error message or a log.
 */
export function parseFlags(argv: readonly string[], spec: FlagSpec, command: string): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i]!;
    if (!token.startsWith('--') || token === '--') {
      throw usageError(
        `${command}: unexpected argument at position ${i + 1} (only --flags follow the command)`,
        { position: i + 1 },
      );
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    if (SECRET_FLAGS[name])
      throw usageError(`--${name}: secrets are never taken on the command line; for ${SECRET_FLAGS[name]}`, {
        flag: name,
      });
    const type = spec[name];
    if (!type || !/^[a-z][a-z0-9-]*$/.test(name)) {
      throw usageError(
        `${command}: unknown flag --${/^[a-z][a-z0-9-]{0,40}$/.test(name) ? name : '(unprintable)'}`,
        { flag: name },
      );
    }
    if (out[name] !== undefined) throw usageError(`--${name}: given more than once`, { flag: name });
    if (type === 'boolean') {
      if (inline !== undefined) throw usageError(`--${name}: takes no value`, { flag: name });
      out[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw usageError(`--${name}: needs a value`, { flag: name });
      value = next;
      i += 1;
    }
    if (value.trim() === '') throw usageError(`--${name}: needs a non-empty value`, { flag: name });
    out[name] = value;
  }
  return out;
}

/** A whole number in [min, max], or a usage error naming the flag and the rule. */
export function intFlag(
  flags: ParsedFlags,
  name: string,
  min: number,
  max: number,
  fallback: number,
  unit = '',
): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw usageError(`--${name}: must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`, {
      flag: name,
    });
  }
  return Number(raw);
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

/** Flags that cannot be combined. */
export function refuseTogether(flags: ParsedFlags, a: string, others: readonly string[]): void {
  if (flags[a] === undefined) return;
  const clash = others.find((o) => flags[o] !== undefined);
  if (clash) throw usageError(`--${clash}: cannot be used with --${a}`, { flag: clash });
}
