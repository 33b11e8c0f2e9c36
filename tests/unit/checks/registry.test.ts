// The registry refuses broken check lists: duplicate ids, unsafe ids, unknown dependencies, cycles, shared text files.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildRegistry, RegistryCodes } from '../../../main/core/checks/registry';
import type { Check } from '../../../main/core/checks/types';
import { AppError } from '../../../main/core/errors';

const c = (id: string, extra: Partial<Check> = {}): Check => ({
  id,
  title: id,
  evidenceSchema: z.unknown(),
  collect: async () => null,
  evaluate: () => ({ status: 'pass', summary: 'ok' }),
  ...extra,
});

function codeOf(f: () => unknown): string {
  try {
    f();
    return 'OK';
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe('buildRegistry', () => {
  it('flattens groups in order', () => {
    expect(buildRegistry([[c('a'), c('b')], [c('c', { dependsOn: ['a'] })]]).map((x) => x.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
  it('refuses broken lists with stable codes', () => {
    expect(codeOf(() => buildRegistry([[c('a')], [c('a')]]))).toBe(RegistryCodes.DUPLICATE_ID);
    expect(codeOf(() => buildRegistry([[c('../etc')]]))).toBe(RegistryCodes.BAD_ID);
    expect(codeOf(() => buildRegistry([[c('a', { dependsOn: ['zz'] })]]))).toBe(
      RegistryCodes.UNKNOWN_DEPENDENCY,
    );
    expect(codeOf(() => buildRegistry([[c('a', { dependsOn: ['b'] }), c('b', { dependsOn: ['a'] })]]))).toBe(
      RegistryCodes.DEPENDENCY_CYCLE,
    );
    const bundle = {
      textFile: 'powercfg-a.txt',
      fromText: (t: string) => t,
      toText: (e: unknown) => String(e),
    };
    expect(codeOf(() => buildRegistry([[c('a', { bundle }), c('b', { bundle })]]))).toBe(
      RegistryCodes.DUPLICATE_TEXT_FILE,
    );
  });
});
