// Turns a fetched web page into plain readable text (bounded), so evidence holds what the page says, not its markup.
//
// htmlparser2's tokenizer reads the page once, left to right (linear time whatever the markup: nested "<", unclosed
// comments, huge attributes), and decodes every HTML5 entity. Regular expressions over the whole page were quadratic
// on hostile input (XS4 Face chooses the URL; the page's owner chooses the bytes). What is examined is capped, and
// parsing stops once enough text has been collected.
import { Parser } from 'htmlparser2';
import { stripControl } from '../../face/sanitize';

/** At most this much of a page is looked at, whatever the caller passes (the fetch itself stops at 2 MiB). */
export const MAX_EXAMINED_CHARS = 2 * 1024 * 1024;
/** Fed to the parser in pieces of this size, so it can stop early. */
const CHUNK_CHARS = 64 * 1024;

// Their content is code or markup for machines, never text a reader sees.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

export function htmlToText(html: string, maxChars: number): string {
  const parts: string[] = [];
  let collected = 0;
  let hiddenDepth = 0;
  // Collapsing whitespace may shrink the text a lot; collect generously, then cut.
  const enough = maxChars * 4 + 1024;
  const space = (): void => void parts.push(' ');
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hiddenDepth += 1;
        space();
      },
      onclosetag(name) {
        if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth -= 1;
        space();
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        parts.push(text);
        collected += text.length;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  const examined = Math.min(html.length, MAX_EXAMINED_CHARS);
  for (let at = 0; at < examined && collected < enough; at += CHUNK_CHARS)
    parser.write(html.slice(at, Math.min(at + CHUNK_CHARS, examined)));
  parser.end();
  return stripControl(parts.join('')).replace(/\s+/g, ' ').trim().slice(0, maxChars);
}
