// Turns a fetched web page into plain readable text (bounded), so evidence holds what the page says, not its markup.
import { stripControl } from '../../face/sanitize';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  szlig: 'ß',
  aelig: 'æ',
  oelig: 'œ',
  euro: '€',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  iexcl: '¡',
  iquest: '¿',
  ordm: 'º',
  ordf: 'ª',
};

// Accented letters of the policy languages as HTML writes them (&eacute;, &uuml;, &ntilde;, &ccedil;…): letter + combining mark.
const MARKS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  uml: '\u0308',
  tilde: '\u0303',
  cedil: '\u0327',
  ring: '\u030A',
};

function named(e: string): string | undefined {
  const direct = ENTITIES[e.toLowerCase()];
  if (direct !== undefined) return direct;
  const m = /^([A-Za-z])(acute|grave|circ|uml|tilde|cedil|ring)$/.exec(e);
  return m ? `${m[1]}${MARKS[m[2]!]}`.normalize('NFC') : undefined;
}

export function htmlToText(html: string, maxChars: number): string {
  const noCode = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  const text = noCode
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
      }
      return named(e) ?? m;
    });
  return stripControl(text).replace(/\s+/g, ' ').trim().slice(0, maxChars);
}
