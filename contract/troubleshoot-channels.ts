// IPC channels of the Troubleshoot view beyond running checks: open an evidence bundle collected elsewhere, and
// export an HTML report of what is on screen. Spread into the contract by ipc.ts.
import { z } from 'zod';
import { absolutePath as path, channel } from './channel';
import { CheckViewSchema } from './setup-shapes';
import { textSchema } from './text-schema';

/** What an opened bundle says: verdicts from its evidence (evaluated here, offline) and where it came from. */
export const BundleViewSchema = z.object({
  path: z.string(),
  checks: z.array(CheckViewSchema),
  machineName: z.string().nullable(),
  platform: z.string().nullable(),
  collectedAt: z.string().nullable(),
  /** E.g. "no manifest", "evidence for checks this version does not know" (sentences of the catalogs). */
  notes: z.array(textSchema),
});
export type BundleView = z.infer<typeof BundleViewSchema>;

export const troubleshootContract = {
  'troubleshoot.openBundle': channel({ input: z.object({ path }).strict(), output: BundleViewSchema }),
  /**
   * Writes a self-contained HTML report of the opened bundle, or of the last live run when the setup flow provides it.
   * A missing folder is created only with `createFolder` (the technician said yes); otherwise PATH_FOLDER_MISSING.
   */
  'troubleshoot.exportReport': channel({
    input: z
      .object({
        source: z.enum(['bundle', 'live']),
        path: path.refine((p) => /\.html?$/i.test(p), 'must name an .html file'),
        createFolder: z.boolean().optional(),
      })
      .strict(),
    output: z.object({
      path: z.string(),
      counts: z.record(z.enum(['pass', 'warn', 'fail', 'skip']), z.number().int()),
    }),
  }),
} as const;

export type TroubleshootContract = typeof troubleshootContract;
export type TroubleshootChannel = keyof TroubleshootContract;
export type TroubleshootInput<K extends TroubleshootChannel> = z.infer<TroubleshootContract[K]['input']>;
export type TroubleshootOutput<K extends TroubleshootChannel> = z.infer<TroubleshootContract[K]['output']>;
