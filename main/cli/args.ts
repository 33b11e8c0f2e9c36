// A small strict argument parser: unknown flags, missing values, repeats and bad numbers are one-line errors naming the flag.
import { text, type Text } from '../../contract/text';
import { AppError } from '../core/errors';

export type FlagType = 'string' | 'boolean';
export type FlagSpec = Record<string, FlagType>;
export type ParsedFlags = Record<string, string | boolean | undefined>;

/** A usage problem (errors.USAGE: the problem, and "run xs4-setup help"); `problem` names the flag and the rule. */
export function usageError(problem: Text, detail: Record<string, unknown> = {}): AppError {
  return new AppError('USAGE', { params: { problem }, detail });
}

// Flags a user might try for a secret: refused with the right way, and never echoed with their value.
const SECRET_FLAGS: Record<string, Text> = {
  'ship-key': text('cli.usage.secretHow.shipKey'),
  'face-token': text('cli.usage.secretHow.faceToken'),
  key: text('cli.usage.secretHow.keys'),
  token: text('cli.usage.secretHow.tokens'),
  password: text('cli.usage.secretHow.passwords'),
};

/** A flag name safe to print back (anything else may be a pasted secret). */
const printable = (name: string): boolean => /^[a-z][a-z0-9-]{0,40}$/.test(name);

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. Positional arguments are refused without echoing
 * them: a secret pasted by mistake must not land in an error message or a log.
 */
export function parseFlags(argv: readonly string[], spec: FlagSpec, command: string): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i]!;
    if (!token.startsWith('--') || token === '--') {
      throw usageError(text('cli.usage.unexpectedArgument', { command, position: i + 1 }), {
        position: i + 1,
      });
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    const secret = Object.hasOwn(SECRET_FLAGS, name) ? SECRET_FLAGS[name] : undefined;
    if (secret !== undefined)
      throw usageError(text('cli.usage.secretFlag', { flag: name, how: secret }), { flag: name });
    const type = spec[name];
    if (!type || !/^[a-z][a-z0-9-]*$/.test(name)) {
      throw usageError(
        printable(name)
          ? text('cli.usage.unknownFlag', { command, flag: name })
          : text('cli.usage.unknownFlagUnprintable', { command }),
        { flag: name },
      );
    }
    if (out[name] !== undefined) throw usageError(text('cli.usage.repeated', { flag: name }), { flag: name });
    if (type === 'boolean') {
      if (inline !== undefined) throw usageError(text('cli.usage.noValue', { flag: name }), { flag: name });
      out[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw usageError(text('cli.usage.needsValue', { flag: name }), { flag: name });
      value = next;
      i += 1;
    }
    if (value.trim() === '')
      throw usageError(text('cli.usage.needsNonEmptyValue', { flag: name }), { flag: name });
    out[name] = value;
  }
  return out;
}

/** A whole number of milliseconds in [min, max], or a usage error naming the flag and the rule. */
export function msFlag(flags: ParsedFlags, name: string, min: number, max: number, fallback: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw usageError(text('cli.usage.milliseconds', { flag: name, min, max }), { flag: name });
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
  if (clash) throw usageError(text('cli.usage.together', { flag: clash, other: a }), { flag: clash });
}
