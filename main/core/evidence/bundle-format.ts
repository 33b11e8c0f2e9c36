// The evidence bundle's on-disk format: names, limits and the manifest schema (documented in docs/evidence-format.md).
import { z } from 'zod';
import { textSchema } from '../../../contract/text-schema';

export const BUNDLE_FORMAT = 'xs4-evidence-bundle';
/** Raise when the layout changes incompatibly; readers refuse newer versions rather than misread them. */
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const EVIDENCE_DIR = 'evidence';
/** Caps: a bundle is a trust boundary (it may come from anyone), so nothing is read unbounded. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
export const MAX_EVIDENCE_BYTES = 8 * 1024 * 1024;

/**
 * A recorded collection error: its English sentences (older readers), and its catalog key and parameters, so a bundle
 * read elsewhere says it in the reader's language (absent in bundles written before the catalogs).
 */
const ErrorInfoSchema = z.object({
  code: z.string().max(200),
  message: z.string().max(4000),
  remedy: z.string().max(4000),
  key: z.string().max(200).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), textSchema])).optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const ManifestEntrySchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('collected'),
    /** Path relative to the bundle: "evidence/<id>.json" or a fixed text name at the top. */
    file: z
      .string()
      .regex(/^(evidence\/)?[a-z0-9][a-z0-9._-]{0,80}\.(json|txt)$/, 'a bundle-relative file name'),
    durationMs: z.number().nonnegative(),
  }),
  z.object({ status: z.literal('error'), error: ErrorInfoSchema, durationMs: z.number().nonnegative() }),
  z.object({
    status: z.literal('not-run'),
    /** Why, in English words (what older readers show). */
    reason: z.string().max(2000),
    /** Why, as a catalog sentence: what this version shows, in the reader's language (absent in older bundles). */
    reasonText: textSchema.optional(),
    code: z.string().max(200),
  }),
]);
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

/** Read in two steps: the version first (so a newer bundle gets "newer format", not a schema error), then the rest. */
export const ManifestVersionSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
});

export const ManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  toolVersion: z.string().max(100),
  createdAt: z.iso.datetime(),
  machineName: z.string().max(255).optional(),
  platform: z.string().max(50),
  /** Non-secret inputs of the collecting run; secrets appear only as fingerprints. */
  inputs: z.object({
    faceUrl: z.string().max(2000).optional(),
    spaceUrl: z.string().max(2000).optional(),
    shipKeyFingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{8}$/)
      .optional(),
    faceTokenFingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{8}$/)
      .optional(),
  }),
  checks: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/), ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
