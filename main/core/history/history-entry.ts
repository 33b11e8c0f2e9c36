// One line of the applied-settings history: what the app changed, before/after, and how it went (secrets as fingerprints).
import { z } from 'zod';
import type { Text } from '../../../contract/text';
import { textSchema } from '../../../contract/text-schema';

export const HISTORY_ENTRY_VERSION = 1;

export const HistoryKindSchema = z.enum(['face-write', 'key-reset', 'fix', 'undo', 'script-run', 'setting']);

/**
 * What a change did, for people: a catalog sentence (rendered in the reader's language), or, in entries written before
 * the catalogs, English words as they were recorded.
 */
export type HistorySummary = Text | string;

export const HistoryEntrySchema = z.object({
  v: z.literal(HISTORY_ENTRY_VERSION),
  time: z.iso.datetime(),
  kind: HistoryKindSchema,
  /** What was changed, e.g. "face:integration.space.shipApiKey", "power.sleep", "script:space-install.ps1". */
  target: z.string().min(1).max(500),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  result: z.object({
    ok: z.boolean(),
    /** A sentence of the catalogs (said in the reader's language); plain words in entries written before. */
    summary: z.union([z.string().max(2000), textSchema]),
    code: z.string().max(200).optional(),
  }),
  /** Data an undo needs (no secrets). */
  undoData: z.unknown().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
/** What callers pass: the store adds the version and the time. */
export type NewHistoryEntry = Omit<HistoryEntry, 'v' | 'time'>;
