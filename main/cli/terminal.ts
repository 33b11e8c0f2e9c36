// Text for a terminal: control characters stripped from anything a server, a file or a user supplied.

// C0/C1 controls (ESC starts terminal escape sequences), DEL, and bidi overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of text safe to print: controls removed, newlines and tabs turned into spaces. */
export function clean(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(CONTROL, '');
}

/** Shortens to `width` characters with an ellipsis (width counts characters, good enough for a table). */
export function fit(text: string, width: number): string {
  if (width <= 1) return '';
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

export function pad(text: string, width: number): string {
  const n = [...text].length;
  return n >= width ? text : text + ' '.repeat(width - n);
}
