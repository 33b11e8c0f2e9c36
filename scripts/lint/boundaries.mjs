// ESLint rules that keep the layers apart (docs/architecture.md): which files may import which, and no import cycles
// between folders. Paths are repo-relative globs ("main/core/**", "main/*.ts"); relative imports are resolved to files.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js'];
const BUILTINS = new Set(builtinModules);

/** A glob ("**" any folders, "*" one name) as a regular expression over repo-relative paths with "/". */
function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else re += /[.+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`^${re}$`);
}
const matcher = (globs = []) => {
  const res = globs.map(globToRegExp);
  return (path) => res.some((r) => r.test(path));
};

const repoPath = (abs) => relative(ROOT, abs).split(sep).join('/');

/** The file a relative specifier names (with the extensions the bundlers try), or null. */
function resolveFile(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => join(base, `index${e}`)),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // A .js specifier for a .ts file (ESM style).
  const ts = base.replace(/\.js$/, '.ts');
  return existsSync(ts) ? ts : null;
}

function packageName(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every import, export-from and dynamic import of a module, with whether it is type-only. */
function importsOf(node) {
  const out = [];
  const add = (n, source, typeOnly) => {
    if (source && typeof source.value === 'string') out.push({ node: n, spec: source.value, typeOnly });
  };
  for (const st of node.body) {
    if (st.type === 'ImportDeclaration') {
      const allTypes =
        st.importKind === 'type' ||
        (st.specifiers.length > 0 && st.specifiers.every((s) => s.importKind === 'type'));
      add(st, st.source, allTypes);
    } else if ((st.type === 'ExportNamedDeclaration' || st.type === 'ExportAllDeclaration') && st.source) {
      add(st, st.source, st.exportKind === 'type');
    }
  }
  return out;
}

/* ------------------------------------------------------------------ xs4/imports */

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports across the layer boundaries of docs/architecture.md.' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            /** Repo paths that may not be imported… */
            paths: { type: 'array', items: { type: 'string' } },
            /** …except these. */
            except: { type: 'array', items: { type: 'string' } },
            /** Every repo path outside these may not be imported. */
            only: { type: 'array', items: { type: 'string' } },
            /** Package names (globs) that may not be imported; "node:*" covers Node's built-ins too. */
            packages: { type: 'array', items: { type: 'string' } },
            /** No package may be imported but these. */
            onlyPackages: { type: 'array', items: { type: 'string' } },
            /** Type-only imports are erased at build time, so they do not cross the boundary. */
            allowTypeImports: { type: 'boolean' },
            message: { type: 'string' },
          },
          required: ['message'],
          additionalProperties: false,
        },
      },
    ],
  },
  create(context) {
    const rules = (context.options[0] ?? []).map((r) => ({
      ...r,
      paths: matcher(r.paths),
      except: matcher(r.except),
      only: r.only ? matcher(r.only) : null,
      packages: matcher(r.packages),
      onlyPackages: r.onlyPackages ? matcher(r.onlyPackages) : null,
    }));
    const file = context.filename;
    return {
      Program(program) {
        for (const imp of importsOf(program)) {
          const relativeSpec = imp.spec.startsWith('.');
          const target = relativeSpec ? resolveFile(file, imp.spec) : null;
          const path = target
            ? repoPath(target)
            : relativeSpec
              ? repoPath(resolve(dirname(file), imp.spec))
              : null;
          const pkg = relativeSpec ? null : packageName(imp.spec);
          const builtin = pkg !== null && (pkg.startsWith('node:') || BUILTINS.has(pkg));
          for (const r of rules) {
            if (r.allowTypeImports && imp.typeOnly) continue;
            const denied =
              path !== null
                ? (r.paths(path) && !r.except(path)) || (r.only !== null && !r.only(path))
                : r.packages(pkg) ||
                  (builtin && r.packages('node:*')) ||
                  (r.onlyPackages !== null && !r.onlyPackages(pkg));
            if (denied) {
              context.report({ node: imp.node, message: `${imp.spec}: ${r.message}` });
              break;
            }
          }
        }
      },
    };
  },
};

/* ------------------------------------------------------------------ xs4/no-folder-cycle */

/** Source files of the project (what the layer rules are about; tests and build output are not). */
const SOURCE_DIRS = ['contract', 'main', 'preload', 'renderer', 'scripts'];
const SOURCE_FILE = /\.(ts|tsx|mts|mjs)$/;
const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

let graphCache = null;

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (SOURCE_FILE.test(name) && !name.endsWith('.d.mts')) out.push(p);
  }
  return out;
}

/** Folder-level edges between units, from every source file on disk (built once per lint run). */
function folderGraph(unitOf) {
  if (graphCache) return graphCache;
  const edges = new Map();
  for (const top of SOURCE_DIRS) {
    if (!existsSync(join(ROOT, top))) continue;
    for (const file of walk(join(ROOT, top), [])) {
      const from = unitOf(repoPath(file));
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(SPECIFIER)) {
        const spec = m[1] ?? m[2];
        if (!spec.startsWith('.')) continue;
        const target = resolveFile(file, spec);
        if (!target) continue;
        const to = unitOf(repoPath(target));
        if (to === from) continue;
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from).add(to);
      }
    }
  }
  graphCache = edges;
  return edges;
}

/** A path from `from` to `to` in the folder graph, or null. */
function pathBetween(edges, from, to) {
  const seen = new Set([from]);
  const queue = [[from]];
  while (queue.length > 0) {
    const route = queue.shift();
    const last = route[route.length - 1];
    if (last === to) return route;
    for (const next of edges.get(last) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...route, next]);
    }
  }
  return null;
}

const noFolderCycleRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid an import that closes a cycle between folders.' },
    schema: [
      {
        type: 'object',
        properties: {
          /**
           * The folders that count as one unit, most specific first: "main/core/*" makes each subfolder of main/core
           * (with everything below it) a unit and the files directly in main/core another; "main/cli" is one unit.
           */
          units: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const units = context.options[0]?.units ?? [];
    /** The unit of a file: the first of `units` its folder lies in, else its top folder. */
    const unitOf = (path) => {
      const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
      for (const u of units) {
        if (u.endsWith('/*')) {
          const base = u.slice(0, -2);
          if (folder === base) return base;
          if (folder.startsWith(`${base}/`)) return `${base}/${folder.slice(base.length + 1).split('/')[0]}`;
        } else if (folder === u || folder.startsWith(`${u}/`)) return u;
      }
      return folder.split('/')[0];
    };
    const file = context.filename;
    const here = unitOf(repoPath(file));
    return {
      Program(program) {
        const edges = folderGraph(unitOf);
        for (const imp of importsOf(program)) {
          if (!imp.spec.startsWith('.')) continue;
          const target = resolveFile(file, imp.spec);
          if (!target) continue;
          const there = unitOf(repoPath(target));
          if (there === here) continue;
          const back = pathBetween(edges, there, here);
          if (back)
            context.report({
              node: imp.node,
              message: `${imp.spec}: ${here} → ${there} closes a folder cycle (${[here, ...back].join(' → ')}). Move the shared part to a folder both can import.`,
            });
        }
      },
    };
  },
};

export default {
  meta: { name: 'xs4-boundaries' },
  rules: { imports: importsRule, 'no-folder-cycle': noFolderCycleRule },
};
