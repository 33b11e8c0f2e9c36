// Reads an evidence bundle (or a folder where support dropped raw tool output) into evidence the runner can evaluate.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { text } from '../../../contract/text';
import { AppError, toErrorInfo } from '../errors';
import { ioCode } from '../fs/atomic-write';
import type { Check } from '../checks/types';
import { RunnerCodes, type SuppliedEvidence } from '../checks/runner';
import {
  BUNDLE_FORMAT_VERSION,
  EVIDENCE_DIR,
  MANIFEST_FILE,
  MAX_EVIDENCE_BYTES,
  MAX_MANIFEST_BYTES,
  type Manifest,
  ManifestSchema,
  ManifestVersionSchema,
} from './bundle-format';

export interface BundleContents {
  /** Absent when support dropped raw files into a folder without one. */
  manifest?: Manifest;
  /** Per registered check: its evidence, the recorded collection error, or why it is missing. */
  supplied: Record<string, SuppliedEvidence>;
  /** Check ids listed in the manifest that this tool does not know (a bundle from another version). */
  unknownChecks: string[];
}

/** Reads one regular file under a size cap; undefined when it does not exist. */
async function readCapped(path: string, cap: number, shown: string): Promise<string | undefined> {
  let st;
  try {
    st = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('BUNDLE_UNREADABLE', {
      variant: 'io',
      params: { file: shown, code: ioCode(e) },
      detail: { file: shown },
    });
  }
  if (!st.isFile())
    throw new AppError('BUNDLE_UNREADABLE', {
      variant: 'notFile',
      params: { file: shown },
      detail: { file: shown },
    });
  if (st.size > cap)
    throw new AppError('BUNDLE_FILE_TOO_LARGE', {
      variant: 'size',
      params: { file: shown, size: st.size, cap },
      detail: { file: shown, cap },
    });
  const buf = await readFile(path);
  if (buf.length > cap)
    throw new AppError('BUNDLE_FILE_TOO_LARGE', {
      variant: 'grew',
      params: { file: shown, cap },
      detail: { file: shown, cap },
    });
  return decodeText(buf);
}

/** Where in a file a schema found the first problem (its own field names, for whoever repairs it). */
function fieldOf(error: z.ZodError): string {
  const path = error.issues[0]?.path ?? [];
  return path.length === 0 ? '/' : path.map(String).join('.');
}

/** Windows tools redirected with ">" in PowerShell 5 write UTF-16LE with a BOM; support will drop such files in. */
function decodeText(buf: Buffer): string {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parseJson(text: string, shown: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('BUNDLE_EVIDENCE_INVALID', {
      variant: 'notJson',
      params: { file: shown },
      detail: { file: shown },
    });
  }
}

/** Reads evidence of one check from where that check keeps it; undefined when the bundle does not have it. */
async function readEvidence(dir: string, check: Check): Promise<SuppliedEvidence | undefined> {
  const name = `${EVIDENCE_DIR}/${check.id}.json`;
  const text = await readCapped(join(dir, EVIDENCE_DIR, `${check.id}.json`), MAX_EVIDENCE_BYTES, name);
  if (text === undefined) return check.bundle ? readTextEvidence(dir, check.bundle) : undefined;
  const parsed = check.evidenceSchema.safeParse(parseJson(text, name));
  if (!parsed.success) {
    throw new AppError('BUNDLE_EVIDENCE_INVALID', {
      variant: 'shape',
      params: { file: name, field: fieldOf(parsed.error) },
      detail: { file: name, issue: parsed.error.issues[0]?.message },
    });
  }
  return { kind: 'evidence', evidence: parsed.data };
}

/** Raw tool output under its fixed name (a folder support dropped files into): read when there is no JSON evidence. */
async function readTextEvidence(
  dir: string,
  bundle: NonNullable<Check['bundle']>,
): Promise<SuppliedEvidence | undefined> {
  const text = await readCapped(join(dir, bundle.textFile), MAX_EVIDENCE_BYTES, bundle.textFile);
  if (text === undefined) return undefined;
  try {
    return { kind: 'evidence', evidence: bundle.fromText(text) };
  } catch (e) {
    // Text the parser cannot read is that check's finding ("could not read"), not a broken bundle.
    return { kind: 'error', error: toErrorInfo(e) };
  }
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readCapped(join(dir, MANIFEST_FILE), MAX_MANIFEST_BYTES, MANIFEST_FILE);
  if (text === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('BUNDLE_MANIFEST_INVALID', {
      variant: 'notJson',
      params: { file: MANIFEST_FILE },
      detail: { file: MANIFEST_FILE },
    });
  }
  const version = ManifestVersionSchema.safeParse(raw);
  if (!version.success) {
    throw new AppError('BUNDLE_MANIFEST_INVALID', {
      variant: 'notManifest',
      params: { file: MANIFEST_FILE },
      detail: { file: MANIFEST_FILE },
    });
  }
  if (version.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw new AppError('BUNDLE_NEWER_FORMAT', {
      params: { file: MANIFEST_FILE, version: version.data.formatVersion, supported: BUNDLE_FORMAT_VERSION },
      detail: { file: MANIFEST_FILE, formatVersion: version.data.formatVersion },
    });
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('BUNDLE_MANIFEST_INVALID', {
      variant: 'shape',
      params: { file: MANIFEST_FILE, field: fieldOf(parsed.error) },
      detail: { file: MANIFEST_FILE, issue: parsed.error.issues[0]?.message },
    });
  }
  return parsed.data;
}

/**
 * Reads a bundle folder for the given checks. With a manifest, what it recorded (errors, skips) is kept; without one,
 * whatever known files are present are read and the rest are reported missing. Throws AppError (BUNDLE_*) when the
 * folder or a file in it is unusable: callers stop there and write nothing.
 */
export async function readBundle(dir: string, checks: readonly Check[]): Promise<BundleContents> {
  const st = await lstat(dir).catch(() => undefined);
  // The field ("path", the folder the technician named) and the rule it broke go with it, so a form can say it there.
  if (!st?.isDirectory())
    throw new AppError('BUNDLE_NOT_FOUND', {
      params: { dir },
      detail: { path: dir, field: 'path', rule: st === undefined ? 'rules.existingFolder' : 'rules.folder' },
    });
  const manifest = await readManifest(dir);
  const supplied: Record<string, SuppliedEvidence> = {};
  let found = 0;
  for (const check of checks) {
    const entry = manifest?.checks[check.id];
    if (entry?.status === 'error') {
      supplied[check.id] = { kind: 'error', error: entry.error };
      found += 1;
      continue;
    }
    if (entry?.status === 'not-run') {
      // The sentence in any language when the bundle recorded it as one; the English words of an older bundle.
      supplied[check.id] = { kind: 'missing', reason: entry.reasonText ?? entry.reason, code: entry.code };
      found += 1;
      continue;
    }
    const evidence = await readEvidence(dir, check);
    if (evidence) {
      supplied[check.id] = evidence;
      found += 1;
    } else if (entry?.status === 'collected') {
      throw new AppError('BUNDLE_UNREADABLE', {
        variant: 'listedMissing',
        params: { file: entry.file, manifest: MANIFEST_FILE },
        detail: { file: entry.file },
      });
    } else {
      const where = check.bundle ? check.bundle.textFile : `${EVIDENCE_DIR}/${check.id}.json`;
      supplied[check.id] = {
        kind: 'missing',
        reason: text('evidence.notInBundle', { file: where }),
        code: RunnerCodes.NOT_IN_BUNDLE,
      };
    }
  }
  if (!manifest && found === 0) {
    const known = checks.map((c) => c.bundle?.textFile).filter((f): f is string => f !== undefined);
    throw known.length > 0
      ? new AppError('BUNDLE_EMPTY', {
          params: { dir, manifest: MANIFEST_FILE, files: known.join(', ') },
          detail: { path: dir },
        })
      : new AppError('BUNDLE_EMPTY', {
          variant: 'noFiles',
          params: { dir, manifest: MANIFEST_FILE },
          detail: { path: dir },
        });
  }
  const known = new Set(checks.map((c) => c.id));
  const unknownChecks = manifest ? Object.keys(manifest.checks).filter((id) => !known.has(id)) : [];
  return { ...(manifest ? { manifest } : {}), supplied, unknownChecks };
}
