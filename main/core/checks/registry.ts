// The list of checks the product runs, built from the groups each area exports (face, space, windows).
import { AppError } from '../errors';
import type { Check } from './types';

/** Ids become file names in evidence bundles, so they stay simple: "power.sleep", "space.ship". */
const ID_RULE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const TEXT_FILE_RULE = /^[a-z0-9][a-z0-9._-]{0,63}\.txt$/;

export const RegistryCodes = {
  DUPLICATE_ID: 'REGISTRY_DUPLICATE_ID',
  BAD_ID: 'REGISTRY_BAD_ID',
  UNKNOWN_DEPENDENCY: 'REGISTRY_UNKNOWN_DEPENDENCY',
  DEPENDENCY_CYCLE: 'REGISTRY_DEPENDENCY_CYCLE',
  DUPLICATE_TEXT_FILE: 'REGISTRY_DUPLICATE_TEXT_FILE',
} as const;

/**
 * Flattens the groups into one ordered list and refuses a broken one: duplicate or unsafe ids, a dependency on a
 * check that is not registered, a dependency cycle, two checks claiming the same bundle text file.
 */
export function buildRegistry(groups: ReadonlyArray<readonly Check[]>): Check[] {
  const list = groups.flat();
  const seen = new Map<string, Check>();
  const textFiles = new Map<string, string>();
  for (const check of list) {
    if (!ID_RULE.test(check.id))
      throw new AppError(RegistryCodes.BAD_ID, { params: { id: check.id }, detail: { id: check.id } });
    if (seen.has(check.id))
      throw new AppError(RegistryCodes.DUPLICATE_ID, { params: { id: check.id }, detail: { id: check.id } });
    seen.set(check.id, check);
    if (check.bundle) {
      const f = check.bundle.textFile;
      if (!TEXT_FILE_RULE.test(f))
        throw new AppError(RegistryCodes.BAD_ID, {
          variant: 'textFile',
          params: { id: check.id, file: f },
          detail: { id: check.id, file: f },
        });
      const other = textFiles.get(f);
      if (other)
        throw new AppError(RegistryCodes.DUPLICATE_TEXT_FILE, {
          params: { first: other, second: check.id, file: f },
          detail: { file: f },
        });
      textFiles.set(f, check.id);
    }
  }
  for (const check of list) {
    for (const dep of check.dependsOn ?? []) {
      if (!seen.has(dep))
        throw new AppError(RegistryCodes.UNKNOWN_DEPENDENCY, {
          params: { id: check.id, dependsOn: dep },
          detail: { id: check.id, dependsOn: dep },
        });
    }
  }
  // Depth-first search for cycles: a cycle would make the runner wait forever.
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      throw new AppError(RegistryCodes.DEPENDENCY_CYCLE, {
        params: { cycle: [...path, id].join(' → ') },
        detail: { cycle: [...path, id] },
      });
    }
    state.set(id, 'visiting');
    for (const dep of seen.get(id)?.dependsOn ?? []) visit(dep, [...path, id]);
    state.set(id, 'done');
  };
  for (const check of list) visit(check.id, []);
  return list;
}
