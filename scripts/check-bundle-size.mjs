// Budget check for the renderer: the JavaScript a page loads before first render (entry + its static imports),
// gzip-compressed, must stay within 250 KB. Prints the number; exits 1 above budget. Lazy chunks are not counted.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_BYTES = 250 * 1024;

/** Static `import … from "./x.js"` / `import "./x.js"` of a built chunk (dynamic import() is lazy, so excluded). */
const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export function initialScripts(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => resolve(dir, m[1]));
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), m[1]));
  };
  roots.forEach(visit);
  return [...seen];
}

export function measure(dir) {
  const files = initialScripts(dir).map((file) => {
    const raw = readFileSync(file);
    return { file, bytes: raw.length, gzip: gzipSync(raw).length };
  });
  return {
    files,
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    bytes: files.reduce((a, f) => a + f.bytes, 0),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist/renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`bundle-size: ${dir}/index.html is missing; run "npm run build" first.`);
    process.exit(2);
  }
  const { files, gzip, bytes } = measure(dir);
  if (files.length === 0) {
    console.error('bundle-size: index.html loads no module script; cannot measure.');
    process.exit(2);
  }
  const kb = (n) => (n / 1024).toFixed(1);
  for (const f of files)
    console.log(`  ${f.file.slice(dir.length + 1)}  ${kb(f.bytes)} KB, gzip ${kb(f.gzip)} KB`);
  const verdict = gzip <= BUDGET_BYTES ? 'within' : 'OVER';
  console.log(
    `bundle-size: renderer initial JavaScript ${kb(gzip)} KB gzip (${kb(bytes)} KB raw), ${verdict} the ${kb(BUDGET_BYTES)} KB budget`,
  );
  if (gzip > BUDGET_BYTES) process.exit(1);
}
