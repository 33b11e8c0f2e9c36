// The zod schemas of Text and Sayable (contract/text.ts), for shapes that cross the IPC boundary.
import { z } from 'zod';
import type { Sayable, Text } from './text';

export const textSchema: z.ZodType<Text> = z.lazy(() =>
  z.object({
    key: z.string().min(1).max(200),
    params: z.record(z.string(), z.union([z.string(), z.number(), textSchema])).optional(),
  }),
);

export const sayableSchema: z.ZodType<Sayable> = z.union([z.string(), textSchema]);
