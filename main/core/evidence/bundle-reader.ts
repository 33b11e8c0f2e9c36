// Reads an evidence bundle (or a folder where support dropped raw tool output) into evidence the runner can evaluate.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, toErrorInfo } from '../errors';
import type { Check } from '../checks/types';
import { RunnerCodes, type SuppliedEvidence } from '../checks/runner';
import {
  BUNDLE_FORMAT_VERSION,
  BundleCodes,
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

function bundleError(
  code: string,
  message: string,
  remedy: string,
  detail: Record<string, unknown>,
): AppError {
  return new AppError(code, message, remedy, detail);
}

/** Reads one regular file under a size cap; undefined when it does not exist. */
async function readCapped(path: string, cap: number, shown: string): Promise<string | undefined> {
  let st;
  try {
    st = await lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw bundleError(
      BundleCodes.UNREADABLE,
      `${shown}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`,
      'Check the file permissions.',
      { file: shown },
    );
  }
  if (!st.isFile())
    throw bundleError(
      BundleCodes.UNREADABLE,
      `${shown}: must be a regular file.`,
      'Replace it with the file itself (not a link or folder).',
      { file: shown },
    );
  if (st.size > cap)
    throw bundleError(
      BundleCodes.FILE_TOO_LARGE,
      `${shown}: is ${st.size} bytes, more than the limit of ${cap}.`,
      'Use the file the tool wrote; it is never this large.',
      { file: shown, cap },
    );
  const buf = await readFile(path);
  if (buf.length > cap)
    throw bundleError(
      BundleCodes.FILE_TOO_LARGE,
      `${shown}: grew beyond the limit of ${cap} bytes.`,
      'Use the file the tool wrote.',
      { file: shown, cap },
    );
  return decodeText(buf);
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
    throw bundleError(
      BundleCodes.EVIDENCE_INVALID,
      `${shown}: is not valid JSON.`,
      'Use the file the tool wrote, unchanged.',
      { file: shown },
    );
  }
}

/** Reads evidence of one check from where that check keeps it; undefined when the bundle does not have it. */
async function readEvidence(dir: string, check: Check): Promise<SuppliedEvidence | undefined> {
  const name = `${EVIDENCE_DIR}/${check.id}.json`;
  const text = await readCapped(join(dir, EVIDENCE_DIR, `${check.id}.json`), MAX_EVIDENCE_BYTES, name);
  if (text === undefined) return check.bundle ? readTextEvidence(dir, check.bundle) : undefined;
  const parsed = check.evidenceSchema.safeParse(parseJson(text, name));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bundleError(
      BundleCodes.EVIDENCE_INVALID,
      `${name}: ${issue?.path.join('.') || 'root'} ${issue?.message ?? 'is invalid'}.`,
      'Use the file the tool wrote, unchanged, or collect again.',
      { file: name },
    );
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
    throw bundleError(
      BundleCodes.MANIFEST_INVALID,
      `${MANIFEST_FILE}: is not valid JSON.`,
      'Use the bundle as the tool wrote it, or delete manifest.json to read the raw files alone.',
      { file: MANIFEST_FILE },
    );
  }
  const version = ManifestVersionSchema.safeParse(raw);
  if (!version.success) {
    throw bundleError(
      BundleCodes.MANIFEST_INVALID,
      `${MANIFEST_FILE}: is not an XS4 evidence bundle manifest (format and formatVersion missing or wrong).`,
      'Use the bundle as the tool wrote it.',
      { file: MANIFEST_FILE },
    );
  }
  if (version.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw bundleError(
      BundleCodes.NEWER_FORMAT,
      `${MANIFEST_FILE}: bundle format version ${version.data.formatVersion} is newer than this tool reads (${BUNDLE_FORMAT_VERSION}).`,
      'Update xs4-setup to the version that collected the bundle.',
      { file: MANIFEST_FILE, formatVersion: version.data.formatVersion },
    );
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bundleError(
      BundleCodes.MANIFEST_INVALID,
      `${MANIFEST_FILE}: ${issue?.path.join('.') || 'root'} ${issue?.message ?? 'is invalid'}.`,
      'Use the bundle as the tool wrote it.',
      { file: MANIFEST_FILE },
    );
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
  if (!st?.isDirectory())
    throw bundleError(
      BundleCodes.NOT_FOUND,
      `--evidence: ${dir} is not a folder.`,
      'Give the folder that collect wrote (or where the evidence files are).',
      { path: dir },
    );
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
      supplied[check.id] = { kind: 'missing', reason: entry.reason, code: entry.code };
      found += 1;
      continue;
    }
    const evidence = await readEvidence(dir, check);
    if (evidence) {
      supplied[check.id] = evidence;
      found += 1;
    } else if (entry?.status === 'collected') {
      throw bundleError(
        BundleCodes.UNREADABLE,
        `${entry.file}: listed in ${MANIFEST_FILE} but missing.`,
        'Copy the whole bundle folder, not only some files.',
        { file: entry.file },
      );
    } else {
      const where = check.bundle ? check.bundle.textFile : `${EVIDENCE_DIR}/${check.id}.json`;
      supplied[check.id] = {
        kind: 'missing',
        reason: `not in the evidence bundle (no ${where})`,
        code: RunnerCodes.NOT_IN_BUNDLE,
      };
    }
  }
  if (!manifest && found === 0) {
    const known = checks.map((c) => c.bundle?.textFile).filter((f): f is string => f !== undefined);
    throw bundleError(
      BundleCodes.EMPTY,
      `--evidence: ${dir} has no ${MANIFEST_FILE} and none of the known evidence files${known.length > 0 ? ` (${known.join(', ')})` : ''}.`,
      'Give the folder that collect wrote, or put the raw tool output there under its fixed name.',
      { path: dir },
    );
  }
  const known = new Set(checks.map((c) => c.id));
  const unknownChecks = manifest ? Object.keys(manifest.checks).filter((id) => !known.has(id)) : [];
  return { ...(manifest ? { manifest } : {}), supplied, unknownChecks };
}
