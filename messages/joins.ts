// Lists and runs of sentences as nested Texts, so each language joins them its own way (the Arabic comma, "et", "und"):
// the one joiner the core uses, over one key set (joins.* in checks-common.json).
import { text, type Text, type TextParam } from '../contract/text';

/** Folds from the right: the first item, then everything after it said the same way. */
function chain<T extends TextParam>(items: readonly T[], key: string): T | Text | undefined {
  const last = items.at(-1);
  if (last === undefined) return undefined;
  return items.slice(0, -1).reduceRight<T | Text>((rest, first) => text(key, { first, rest }), last);
}

/** "a, b, c" (names, addresses); "none" when empty. */
export function listOf<T extends TextParam>(items: readonly T[]): T | Text {
  return chain(items, 'joins.list') ?? text('joins.none');
}

/** "a; b; c" (items that may hold commas themselves); "none" when empty. */
export function itemsOf<T extends TextParam>(items: readonly T[]): T | Text {
  return chain(items, 'joins.items') ?? text('joins.none');
}

/** "a", "a and b", "a, b and c"; '' when empty. */
export function andList<T extends TextParam>(items: readonly T[]): T | Text | '' {
  const last = items.at(-1);
  if (last === undefined) return '';
  const head = chain(items.slice(0, -1), 'joins.list');
  return head === undefined ? last : text('joins.and', { first: head, rest: last });
}

/** Whole sentences one after the other, absent ones left out; undefined when none remains. */
export function sentencesOf(sentences: ReadonlyArray<Text | null | undefined>): Text | undefined {
  return chain(
    sentences.filter((s): s is Text => s !== undefined && s !== null),
    'joins.sentences',
  );
}
