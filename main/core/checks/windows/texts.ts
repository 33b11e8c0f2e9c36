// Lists and runs of sentences as nested Texts, so each language joins them its own way (e.g. the Arabic comma).
import { text, type Text, type TextParam } from '../../../../contract/text';

function chain<T extends TextParam>(items: readonly T[], join: (first: T, rest: T | Text) => Text): T | Text {
  const last = items.at(-1);
  if (last === undefined) return text('checks.windows.none');
  return items.slice(0, -1).reduceRight<T | Text>((rest, first) => join(first, rest), last);
}

/** "a, b, c" (names, addresses); "none" when empty. */
export function listOf<T extends TextParam>(items: readonly T[]): T | Text {
  return chain(items, (first, rest) => text('checks.windows.list', { first, rest }));
}

/** "a; b; c" (items that may hold commas themselves); "none" when empty. */
export function itemsOf<T extends TextParam>(items: readonly T[]): T | Text {
  return chain(items, (first, rest) => text('checks.windows.items', { first, rest }));
}

/** Whole sentences one after the other; undefined when there are none. */
export function sentencesOf(sentences: ReadonlyArray<Text | undefined>): Text | undefined {
  const present = sentences.filter((s): s is Text => s !== undefined);
  return present.length === 0
    ? undefined
    : chain(present, (first, rest) => text('checks.windows.sentences', { first, rest }));
}
