// Building blocks of the IPC contract: how a channel is declared and what every call answers (a value or an error).
import { z } from 'zod';
import { textSchema } from './text-schema';
import { ABSOLUTE_PATH_RULE, isAbsolutePath } from './rules/absolute-path';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

/** Declares one channel. The object is returned as is; the helper exists to keep the schema types precise. */
export function channel<I extends z.ZodType, O extends z.ZodType>(def: {
  input: I;
  output: O;
}): ChannelDef<I, O> {
  return def;
}

/** Input of a channel called without arguments (`xs4.app.info()`). */
export const noInput = z.undefined();
/** Output of a channel that only reports success. */
export const done = z.null();

/** A path on this computer the technician typed or chose: one line, absolute (never relative to the app's folder). */
export const absolutePath = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(4096, 'must be at most 4096 characters')
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f]+$/, 'must be a path on one line')
  .refine(isAbsolutePath, ABSOLUTE_PATH_RULE);

/** The plain error shape that crosses IPC (mirrors ErrorInfo in main/core/errors.ts). */
export const errorInfoSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  remedy: z.string(),
  /** Catalog key of the pair (`${key}.message`, `${key}.remedy`) and its parameters: the page says it in its language. */
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), textSchema])).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorInfoWire = z.infer<typeof errorInfoSchema>;

/** What every invoke answers: a value or a structured error, never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfoWire };
export const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);
