// The one place a zod issue becomes the project's INVALID_INPUT error: the field (by its label; the path stays in
// detail.field) and the rule it broke, as a catalog rule (rules.*) that every language can say.
import type { z } from 'zod';
import { isText, text, type Text, type TextParam } from '../../contract/text';
import { coreCatalog } from '../../messages/catalog';
import { invalidInput, type AppError } from './errors';

export interface ParseOptions {
  /**
   * The rule to name when the value has a key the schema does not know (the key is added to the field): a rule Text,
   * or a rule's key or English words (found in the catalog like a schema's own message).
   */
  unknownKeyRule?: Text | string;
}

type Issue = z.core.$ZodIssue;

interface Template {
  key: string;
  pattern: RegExp;
  names: string[];
  /** Literal characters of the English wording: the longer, the more specific (tried first). */
  weight: number;
}

let templates: Template[] | undefined;

/** The English wording of every rule as a pattern, so a schema's message ("must be at most 200 characters") is found. */
function ruleTemplates(): Template[] {
  if (templates !== undefined) return templates;
  const out: Template[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      const names: string[] = [];
      const source = node
        .split(/(\{\{\s*\w+\s*\}\})/)
        .map((part) => {
          const m = /^\{\{\s*(\w+)\s*\}\}$/.exec(part);
          if (m === null) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(m[1]!);
          return '(.+?)';
        })
        .join('');
      // A plural form (_one, _other …) is the rule without its suffix, with the count it was written for.
      const plural = /_(zero|one|two|few|many|other)$/.exec(path);
      out.push({
        key: plural ? path.slice(0, plural.index) : path,
        pattern: new RegExp(`^${source}$`),
        names: plural && !names.includes('count') ? [...names, 'count'] : names,
        weight: node.replace(/\{\{[^}]*\}\}/g, '').length,
      });
      return;
    }
    if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
  };
  walk(coreCatalog('en').rules, 'rules');
  // Equal wording: the shared rule (rules.required) before an area's copy of it, should one appear again.
  templates = out.sort((a, b) => b.weight - a.weight || a.key.split('.').length - b.key.split('.').length);
  return templates;
}

/**
 * The catalog rule a schema's message names: its key ("rules.port"), or its English words with their values.
 * @internal exported for the test that proves every message the contract's schemas use is a catalog rule.
 */
export function ruleOfWords(message: string): Text | null {
  const m = message.trim();
  for (const t of ruleTemplates()) {
    if (m === t.key) return text(t.key);
    const hit = t.pattern.exec(m);
    if (hit === null) continue;
    const params: Record<string, TextParam> = {};
    t.names.forEach((name, i) => {
      const value = hit[i + 1];
      // "_one" wordings carry no number: the count is the form's own.
      if (value === undefined) params[name] = 1;
      else params[name] = /^\d+$/.test(value) ? Number(value) : value;
    });
    return Object.keys(params).length === 0 ? text(t.key) : text(t.key, params);
  }
  return null;
}

/** What zod tells about an issue beyond its code, read without trusting its shape. */
interface IssueFacts {
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  values?: unknown[];
  format?: string;
  keys?: string[];
  params?: { rule?: unknown };
}

/** The rule an issue broke: one the schema named (a Text in a custom issue's params, a key or English words), else by kind. */
function ruleOf(issue: Issue | undefined): Text {
  if (issue === undefined) return text('rules.invalid');
  const f = issue as unknown as IssueFacts;
  if (issue.code === 'custom' && isText(f.params?.rule)) return f.params.rule as Text;
  const named = ruleOfWords(issue.message);
  if (named !== null) return named;
  const n = (v: number | bigint | undefined): number => Number(v ?? 0);
  switch (issue.code) {
    case 'too_small':
      if (f.origin === 'string')
        return n(f.minimum) <= 1 ? text('rules.required') : text('rules.minLength', { min: n(f.minimum) });
      if (f.origin === 'array' || f.origin === 'set') return text('rules.minItems', { count: n(f.minimum) });
      if (f.origin === 'number' || f.origin === 'int') return text('rules.atLeast', { min: n(f.minimum) });
      return text('rules.invalid');
    case 'too_big':
      if (f.origin === 'string') return text('rules.maxLength', { max: n(f.maximum) });
      if (f.origin === 'array' || f.origin === 'set') return text('rules.maxItems', { count: n(f.maximum) });
      if (f.origin === 'number' || f.origin === 'int') return text('rules.atMost', { max: n(f.maximum) });
      return text('rules.invalid');
    case 'invalid_type':
      // zod says "received undefined" for a field that is not there at all.
      if (/received undefined$/.test(issue.message)) return text('rules.missing');
      if (f.expected === 'string') return text('rules.type.text');
      if (f.expected === 'number' || f.expected === 'int') return text('rules.type.number');
      if (f.expected === 'boolean') return text('rules.type.boolean');
      if (f.expected === 'array') return text('rules.type.list');
      return text('rules.invalid');
    case 'invalid_value':
      return text('rules.oneOf', { choices: (f.values ?? []).map(String).join(', ').slice(0, 400) });
    case 'unrecognized_keys':
      return text('rules.unknownField', { key: (f.keys?.[0] ?? '').slice(0, 100) });
    case 'invalid_format':
      return f.format === 'url' ? text('rules.url.any') : text('rules.invalid');
    default:
      return text('rules.invalid');
  }
}

/**
 * The first issue of a failed parse as INVALID_INPUT. `field` names the value as a whole and prefixes the issue's
 * path ("profile" + ["faceUrl"] → "profile.faceUrl"); an empty `field` names only the path, or "input" at the root.
 * The sentence names the field by its label (fields.*), never by that path.
 */
export function invalidInputOf(error: z.ZodError, field: string, options: ParseOptions = {}): AppError {
  const issue = error.issues[0];
  const path = [field, ...(issue?.path ?? []).map(String)].filter((p) => p !== '');
  if (issue?.code === 'unrecognized_keys' && options.unknownKeyRule !== undefined) {
    const given = options.unknownKeyRule;
    const rule = typeof given === 'string' ? (ruleOfWords(given) ?? text('rules.invalid')) : given;
    return invalidInput([...path, issue.keys[0] ?? ''].join('.'), rule);
  }
  return invalidInput(path.length === 0 ? 'input' : path.join('.'), ruleOf(issue));
}

/** The value as the schema reads it, or INVALID_INPUT naming the field and the rule it broke. */
export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  field: string,
  options: ParseOptions = {},
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInputOf(parsed.error, field, options);
  return parsed.data;
}
