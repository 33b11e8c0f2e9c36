// Joining what the checks say without English glue: sentences one after another, and "a and b" lists, as catalog Texts.
import { text, type Text } from '../../../contract/text';

/** Sentences said one after the other; null parts are left out ('' when nothing remains). */
export function sentences(parts: ReadonlyArray<Text | null>): Text | string {
  const present = parts.filter((p): p is Text => p !== null);
  if (present.length === 0) return '';
  return present.reduce((first, next) => text('checks.common.sentences', { first, next }));
}

/** "a", "a and b", "a, b and c" in the reader's language. */
export function andList(items: ReadonlyArray<Text | string>): Text | string {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1]!;
  const head = items.slice(0, -1).reduce((first, next) => text('checks.common.commaList', { first, next }));
  return text('checks.common.and', { first: head, next: last });
}
