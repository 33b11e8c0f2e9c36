// The one place a zod issue becomes the project's INVALID_INPUT error: the field (with its path) and the rule it broke.
import type { z } from 'zod';
import { invalidInput, type AppError } from './errors';

export interface ParseOptions {
  /** The rule to name when the value has a key the schema does not know (the key is added to the field). */
  unknownKeyRule?: string;
}

/**
 * The first issue of a failed parse as INVALID_INPUT. `field` names the value as a whole and prefixes the issue's
 * path ("profile" + ["faceUrl"] → "profile.faceUrl"); an empty `field` names only the path, or "input" at the root.
 */
export function invalidInputOf(error: z.ZodError, field: string, options: ParseOptions = {}): AppError {
  const issue = error.issues[0];
  const path = [field, ...(issue?.path ?? []).map(String)].filter((p) => p !== '');
  if (issue?.code === 'unrecognized_keys' && options.unknownKeyRule !== undefined)
    return invalidInput([...path, issue.keys[0] ?? ''].join('.'), options.unknownKeyRule);
  return invalidInput(path.length === 0 ? 'input' : path.join('.'), issue?.message ?? 'is not valid');
}

/** The value as the schema reads it, or INVALID_INPUT naming the field and the rule it broke. */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  field: string,
  options: ParseOptions = {},
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInputOf(parsed.error, field, options);
  return parsed.data;
}
