// Writes a run's evidence as a bundle folder: manifest.json, evidence/<id>.json, fixed-name text files; secrets redacted.
import { en } from '../../../messages/render';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { ioCode } from '../fs/atomic-write';
import type { Check, CheckInputs } from '../checks/types';
import type { RunResult } from '../checks/run-result';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  EVIDENCE_DIR,
  MANIFEST_FILE,
  type Manifest,
  type ManifestEntry,
} from './bundle-format';
import { redactText, redactValue } from '../secrets/redact';
import { secretFingerprint } from '../secrets/fingerprint';
import { secretsOf } from '../checks/types';

export interface BundleMeta {
  toolVersion: string;
  createdAt: Date;
  platform: string;
  machineName?: string;
  /** The run's inputs: URLs are recorded, secrets only as fingerprints, and every secret is redacted everywhere. */
  inputs: CheckInputs;
  /** Further values to redact (anything secret the run handled besides the inputs). */
  extraSecrets?: string[];
}

/** A file to write, relative to the bundle folder. */
interface BundleFile {
  path: string;
  content: string;
}

/** Builds the bundle in memory (pure apart from the checks' toText), redacted. */
export function bundleFiles(run: RunResult, checks: readonly Check[], meta: BundleMeta): BundleFile[] {
  const secrets = [...secretsOf(meta.inputs), ...(meta.extraSecrets ?? [])];
  const files: BundleFile[] = [];
  const entries: Record<string, ManifestEntry> = {};
  for (const check of checks) {
    const record = run.byId[check.id];
    if (!record) continue;
    if (record.outcome === 'collected') {
      // The full evidence always goes to JSON; checks with text evidence also get their fixed-name file, so support
      // can read the tool output as it was and a bundle round trip keeps what the text alone does not carry.
      const path = `${EVIDENCE_DIR}/${check.id}.json`;
      files.push({ path, content: `${JSON.stringify(redactValue(record.evidence, secrets), null, 2)}\n` });
      entries[check.id] = { status: 'collected', file: path, durationMs: record.durationMs };
      const text = check.bundle?.toText(record.evidence) ?? '';
      if (check.bundle && text !== '') {
        files.push({ path: check.bundle.textFile, content: redactText(text, secrets) });
      }
    } else if (record.outcome === 'error' && record.error) {
      entries[check.id] = {
        status: 'error',
        error: redactValue(record.error, secrets),
        durationMs: record.durationMs,
      };
    } else {
      const summary = record.result.summary;
      entries[check.id] = {
        status: 'not-run',
        reason: redactText(en(summary), secrets),
        ...(typeof summary === 'object' ? { reasonText: redactValue(summary, secrets) } : {}),
        code: record.result.code ?? 'NOT_RUN',
      };
    }
  }
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    toolVersion: meta.toolVersion,
    createdAt: meta.createdAt.toISOString(),
    ...(meta.machineName ? { machineName: redactText(meta.machineName, secrets) } : {}),
    platform: meta.platform,
    inputs: {
      ...(meta.inputs.faceUrl ? { faceUrl: redactText(meta.inputs.faceUrl, secrets) } : {}),
      ...(meta.inputs.spaceUrl ? { spaceUrl: redactText(meta.inputs.spaceUrl, secrets) } : {}),
      ...(meta.inputs.shipKey ? { shipKeyFingerprint: secretFingerprint(meta.inputs.shipKey) } : {}),
      ...(meta.inputs.faceToken ? { faceTokenFingerprint: secretFingerprint(meta.inputs.faceToken) } : {}),
    },
    checks: entries,
  };
  files.push({ path: MANIFEST_FILE, content: `${JSON.stringify(manifest, null, 2)}\n` });
  return files;
}

/**
 * Writes the bundle to `outDir`, which must not exist or be empty. Written to a sibling temporary folder first and
 * renamed into place, so a failure leaves nothing half-written behind.
 */
export async function writeBundle(
  outDir: string,
  run: RunResult,
  checks: readonly Check[],
  meta: BundleMeta,
): Promise<void> {
  const existing = await assertOutDirUsable(outDir);
  const files = bundleFiles(run, checks, meta);
  const tmp = join(dirname(outDir), `.${basename(outDir)}.partial-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(join(tmp, EVIDENCE_DIR), { recursive: true });
    for (const f of files) await writeFile(join(tmp, f.path), f.content, { encoding: 'utf8', flag: 'wx' });
    if (existing) await rmdir(outDir);
    await rename(tmp, outDir);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw new AppError('BUNDLE_WRITE_FAILED', {
      variant: 'write',
      params: { dir: outDir, code: ioCode(e) },
      detail: { path: outDir },
    });
  }
}

/** Refuses an --out that exists and is not an empty folder (checked before collecting, and again before writing). Returns whether it exists. */
export async function assertOutDirUsable(outDir: string): Promise<boolean> {
  let file = false;
  const existing = await readdir(outDir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    if (e.code === 'ENOTDIR') {
      file = true;
      return ['(a file)'];
    }
    throw new AppError('BUNDLE_WRITE_FAILED', {
      variant: 'unusable',
      params: { dir: outDir, code: ioCode(e) },
      detail: { path: outDir },
    });
  });
  if (existing && existing.length > 0) {
    // The field ("path", the folder named) and the rule it broke go with it, so a form can say it there.
    throw new AppError('BUNDLE_OUT_NOT_EMPTY', {
      params: { dir: outDir },
      detail: { path: outDir, field: 'path', rule: file ? 'rules.folder' : 'rules.emptyFolder' },
    });
  }
  return existing !== undefined;
}
