// `node scripts/schemas/validate-doctor-json.mjs FILE.json`: checks a saved `xs4-setup doctor --json` output against the
// published schema (docs/schemas/xs4-setup-doctor.schema.json) with ajv, as a fleet tool would. Exit 0 valid, 1 not, 2 usage.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schemaFile = fileURLToPath(new URL('../../docs/schemas/xs4-setup-doctor.schema.json', import.meta.url));
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/schemas/validate-doctor-json.mjs FILE.json');
  process.exit(2);
}
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
let doc;
try {
  doc = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
} catch (e) {
  console.error(`${file}: not JSON (${e.message})`);
  process.exit(1);
}
if (!validate(doc)) {
  console.error(
    `${file}: does not match ${schemaFile}:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`,
  );
  process.exit(1);
}
console.log(`${file}: valid xs4-setup doctor --json (schemaVersion ${doc.schemaVersion})`);
