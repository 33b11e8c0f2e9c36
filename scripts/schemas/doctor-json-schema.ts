// The published JSON Schema of `xs4-setup doctor --json` (docs/schemas/xs4-setup-doctor.schema.json), generated from the
// zod schema the CLI validates its own output with. `npm run schema:doctor` rewrites the file; tests/cli-exe fails on drift.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { DoctorJsonSchema } from '../../main/cli/doctor-json';

export const SCHEMA_FILE = join(
  resolve(import.meta.dirname, '..', '..'),
  'docs',
  'schemas',
  'xs4-setup-doctor.schema.json',
);

/** What a fleet integrator needs to know about each field, attached to the generated schema. */
const DESCRIPTIONS: Record<string, string> = {
  schema: 'Always "xs4-setup.doctor": tells this document from other JSON.',
  schemaVersion: 'Version of this format; any change to the format changes it and this schema file.',
  toolVersion: 'Version of xs4-setup (the app version) that wrote the document.',
  mode: '"live": checks ran against the servers and this machine; "evidence": evaluated from a collected bundle (doctor --evidence).',
  machineName: 'Computer the evidence came from.',
  inputs: 'What the run was given. Secrets appear only as fingerprints (sha256: and the first 8 hex digits).',
  counts: 'How many checks ended in each status.',
  cancelled: 'True when the run was interrupted (Ctrl+C); exitCode is then 130.',
  deadlineReached:
    'True when the run stopped at its overall deadline; unfinished checks fail as could-not-read.',
  exitCode:
    'The process exit code: 0 nothing failed, 1 a check failed (or could not read its evidence), 130 interrupted. Exit codes 2 (usage or configuration) and 3 (internal error) print no JSON.',
  checks:
    'Every check in display order. A check that could not read its evidence fails; it never passes. Title, summary, detail and remedy are in the language of --lang (English by default); `texts` holds the same sentences as catalog keys and parameters (messages/en), for tools that render or match them in any language.',
  notes: 'Remarks about the run (for example a bundle without manifest.json), in the language of --lang.',
  noteTexts: 'The notes as catalog keys and parameters, in the same order.',
};

export function doctorJsonSchemaDocument(): Record<string, unknown> {
  const generated = z.toJSONSchema(DoctorJsonSchema, { target: 'draft-2020-12', io: 'output' }) as {
    $schema: string;
    properties: Record<string, Record<string, unknown>>;
  };
  const properties = Object.fromEntries(
    Object.entries(generated.properties).map(([k, v]) => [
      k,
      DESCRIPTIONS[k] ? { description: DESCRIPTIONS[k], ...v } : v,
    ]),
  );
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'xs4-setup doctor --json',
    description:
      'The document `xs4-setup doctor --json` prints on standard output (schemaVersion 2). Generated from main/cli/doctor-json.ts by `npm run schema:doctor`.',
    ...rest,
    properties,
  };
}

export function schemaFileText(): string {
  return `${JSON.stringify(doctorJsonSchemaDocument(), null, 2)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_FILE, schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
