// The published JSON Schema of `doctor --json` (docs/schemas/xs4-setup-doctor.schema.json), compiled with ajv the way
// a fleet tool would use it; every doctor --json the CLI tests see goes through it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { expect } from 'vitest';

export const PUBLISHED_SCHEMA = join(
  resolve(import.meta.dirname, '../..'),
  'docs',
  'schemas',
  'xs4-setup-doctor.schema.json',
);

// ajv-formats is CommonJS with a default export; under tsx/vitest the namespace may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv2020,
) => Ajv2020;

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
export const validateDoctorJson = ajv.compile(JSON.parse(readFileSync(PUBLISHED_SCHEMA, 'utf8')) as object);

/** Returns `doc` when the published schema accepts it; fails the test listing ajv's errors otherwise. */
export function expectPublishedDoctorJson(doc: unknown): unknown {
  const ok = validateDoctorJson(doc);
  expect(ok ? [] : ajv.errorsText(validateDoctorJson.errors, { separator: '\n' }).split('\n')).toEqual([]);
  return doc;
}
