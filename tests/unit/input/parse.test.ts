// parse(): a zod issue becomes INVALID_INPUT naming the field by its label (never its internal path) and a catalog rule,
// in every language; every message the contract's schemas use is a rule of the catalogs.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { text, type Text } from '../../../contract/text';
import { setupContract } from '../../../contract/setup-channels';
import { shipKeyProblemText, type ShipKeyProblem } from '../../../contract/rules/ship-key';
import { AppError } from '../../../main/core/errors';
import { invalidInputOf, parse, ruleOfWords } from '../../../main/core/parse';
import { renderText } from '../../../messages/render';

const ROOT = join(__dirname, '../../..');

function failure(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('parse', () => {
  it('names the field by its label and the rule by its catalog key; the path stays in detail', () => {
    const e = failure(() => parse(z.object({ faceUrl: z.string().max(5) }), { faceUrl: 'https://x' }, ''));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.detail).toEqual({ field: 'faceUrl', rule: 'rules.maxLength' });
    expect(e.message).toBe('XS4 Face server address: must be at most 5 characters.');
    expect(e.remedy).toBe('Correct “XS4 Face server address” and try again.');
  });

  it('never puts an internal dotted path in the sentence', () => {
    const schema = z.object({
      enrollment: z.object({ companyName: z.string().min(1, 'must not be empty') }),
    });
    const e = failure(() => parse(schema, { enrollment: { companyName: '' } }, 'profile'));
    expect(e.detail).toEqual({ field: 'profile.enrollment.companyName', rule: 'rules.required' });
    // A profile file's field: its label, with the name it has in the file (what the administrator edits).
    expect(e.message).toBe('Company name (enrollment.companyName): must not be empty.');
    const list = failure(() =>
      parse(
        z.object({ regions: z.array(z.object({ port: z.number().max(9) })) }),
        { regions: [{ port: 10 }] },
        '',
      ),
    );
    expect(list.detail?.field).toBe('regions.0.port');
    expect(list.message).toBe('Port: must be at most 9.');
  });

  it("turns the contract's English messages into rules that every language says", () => {
    const input = setupContract['setup.saveSpaceDetails'].input;
    const parsed = input.safeParse({
      operationId: 'op-12345678',
      host: 'space.local',
      port: 99999,
      https: true,
    });
    expect(parsed.success).toBe(false);
    const e = invalidInputOf(parsed.error!, '');
    expect(e.detail).toEqual({ field: 'port', rule: 'rules.port' });
    expect(e.message).toBe('Port: must be a whole number from 1 to 65535.');
    // The field's label and the rule, in the reader's language (the sentence around them is errors.INVALID_INPUT).
    const say = (x: unknown, language: 'fr' | 'de' | 'es') => renderText(x as Text, language);
    expect(say(e.params?.rule, 'fr')).toBe('doit être un nombre entier compris entre 1 et 65535');
    expect(say(e.params?.rule, 'de')).toBe('muss eine ganze Zahl von 1 bis 65535 sein');
    const url = setupContract['setup.connectFace'].input.safeParse({ url: 'face.local', token: null });
    const u = invalidInputOf(url.error!, '');
    expect(u.detail).toEqual({ field: 'url', rule: 'rules.url.httpOrHttps' });
    expect(u.message).toBe('XS4 Face server address: must be a URL starting with https:// or http://.');
    expect(say(u.params?.field, 'es')).toBe('Dirección del servidor XS4 Face');
    expect(say(u.params?.rule, 'es')).toBe('debe ser una URL que empiece por https:// o http://');
  });

  it("reads zod's own issues by kind, with their numbers, never zod's English words", () => {
    const long = failure(() =>
      parse(z.object({ companyName: z.string().max(3) }), { companyName: 'Acme' }, ''),
    );
    expect(long.params?.rule).toEqual(text('rules.maxLength', { max: 3 }));
    const few = failure(() => parse(z.object({ kinds: z.array(z.string()).min(2) }), { kinds: ['a'] }, ''));
    expect(few.params?.rule).toEqual(text('rules.minItems', { count: 2 }));
    expect(few.message).toBe('Integrations: must have at least 2 items.');
    const missing = failure(() => parse(z.object({ token: z.string() }), {}, ''));
    expect(missing.message).toBe('Access token: is missing.');
    const type = failure(() => parse(z.object({ port: z.number() }), { port: '443' }, ''));
    expect(type.message).toBe('Port: must be a number.');
    const choice = failure(() => parse(z.object({ language: z.enum(['en', 'fr']) }), { language: 'xx' }, ''));
    expect(choice.message).toBe('Language: must be one of en, fr.');
    const unknown = failure(() => parse(z.object({}).strict(), { shipKey: 'x' }, 'profile'));
    expect(unknown.message).toBe('Input: “shipKey” is not a field this accepts.');
    const profile = failure(() =>
      parse(z.object({}).strict(), { shipKey: 'x' }, 'profile', {
        unknownKeyRule: 'is not a profile field (profiles hold no secrets and no unknown fields)',
      }),
    );
    expect(profile.detail).toEqual({ field: 'profile.shipKey', rule: 'rules.profileField' });
    expect(profile.message).toBe(
      'SHIP API Key: is not a profile field (profiles hold no secrets and no unknown fields).',
    );
    // An issue of a kind no rule describes is "not valid", in words, never zod's "Invalid input".
    const union = failure(() =>
      parse(z.object({ port: z.union([z.literal('x'), z.number()]) }), { port: true }, ''),
    );
    expect(union.detail?.rule).toBe('rules.invalid');
    expect(union.message).toBe('Port: is not valid.');
  });

  it('takes a rule a schema carries as a Text in a custom issue', () => {
    const schema = z.string().superRefine((_v, ctx) => {
      ctx.addIssue({
        code: 'custom',
        message: 'port',
        params: { rule: text('rules.url.port', { port: '0' }) },
      });
    });
    const e = failure(() => parse(schema, 'https://h:0/', 'spaceUrl'));
    expect(e.message).toBe(
      'Space SHIP address: has the port 0, but a port must be a whole number from 1 to 65535.',
    );
  });
});

/** Every quoted message in the schemas of these folders ('must …', 'is …'), with where it is. */
function schemaMessages(dirs: string[]): Array<{ where: string; message: string }> {
  const out: Array<{ where: string; message: string }> = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) visit(p);
      else if (p.endsWith('.ts'))
        for (const m of readFileSync(p, 'utf8').matchAll(/'((?:must|is|looks) [^']*)'/g))
          out.push({ where: relative(ROOT, p), message: m[1]! });
    }
  };
  for (const d of dirs) visit(join(ROOT, d));
  return out;
}

describe('the rules of the catalogs', () => {
  it("cover every message the contract's schemas use (so the page and the CLI say them in every language)", () => {
    const messages = schemaMessages(['contract']);
    expect(messages.length).toBeGreaterThan(20);
    const problems = messages
      .filter((m) => ruleOfWords(m.message) === null)
      .map((m) => `${m.where}: ${m.message}`);
    expect(problems).toEqual([]);
  });

  it('cover every sentence of the SHIP key rule', () => {
    const problems: ShipKeyProblem[] = [
      { rule: 'required' },
      { rule: 'minLength', min: 4 },
      { rule: 'maxLength', max: 256 },
      { rule: 'oneLine' },
      { rule: 'noSpaces' },
      { rule: 'asciiOnly' },
    ];
    for (const p of problems)
      expect(ruleOfWords(shipKeyProblemText(p)), shipKeyProblemText(p)).not.toBeNull();
  });
});
