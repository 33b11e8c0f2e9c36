// Where a value read left to right (a URL, an address with its port, a path, a fingerprint) may wrap, and where such
// values sit in a sentence. Pure, so the rules are tested without a page: an address "host:port" (with its scheme) is
// never split; other text may wrap after a separator ("/", "\", ".", ":", "?", "&", "=", ",", ";", "@").

/** One piece of a value; `keep` pieces never wrap inside. Wrapping is allowed between pieces. */
export interface ValuePart {
  text: string;
  keep: boolean;
}

/** A host (IPv4, a dotted name, localhost) with its port, and its scheme when written: read and copied as one. */
const ADDRESS =
  /(?:https?:\/\/)?(?:\d{1,3}(?:\.\d{1,3}){3}|localhost|\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):\d{1,5}(?!\d)/g;
/** After one of these (a run of them stays together, as in "//" or "\\"), a value may wrap. */
const AFTER_SEPARATOR = /(?<=[/\\.:?&=,;@])(?![/\\.:?&=,;@])/;

function splitLoose(text: string): ValuePart[] {
  return text
    .split(AFTER_SEPARATOR)
    .filter((t) => t !== '')
    .map((t) => ({ text: t, keep: false }));
}

export function valueParts(value: string): ValuePart[] {
  const out: ValuePart[] = [];
  let at = 0;
  for (const m of value.matchAll(ADDRESS)) {
    out.push(...splitLoose(value.slice(at, m.index)));
    out.push({ text: m[0], keep: true });
    at = m.index + m[0].length;
  }
  out.push(...splitLoose(value.slice(at)));
  return out;
}

/** A stretch of a sentence: words, or a value to show left to right. */
export interface SentencePart {
  text: string;
  value: boolean;
}

/**
 * Values inside a sentence: URLs, addresses with a port, and full Windows or UNC paths. A sentence's closing
 * punctuation is not part of the value ("Connected to https://x:1/." ends with the sentence's full stop).
 */
const VALUE_IN_SENTENCE =
  /(?:https?:\/\/[^\s"'<>()]+|(?:\d{1,3}(?:\.\d{1,3}){3}|localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+):\d{1,5}(?!\d)|[A-Za-z]:\\[^\s"'<>|]*|\\\\[^\s"'<>|]+)/g;

export function sentenceParts(sentence: string): SentencePart[] {
  const out: SentencePart[] = [];
  let at = 0;
  for (const m of sentence.matchAll(VALUE_IN_SENTENCE)) {
    const value = m[0].replace(/[.,;:!?)]+$/, '');
    if (value === '') continue;
    if (m.index > at) out.push({ text: sentence.slice(at, m.index), value: false });
    out.push({ text: value, value: true });
    at = m.index + value.length;
  }
  if (at < sentence.length) out.push({ text: sentence.slice(at), value: false });
  return out;
}
