// The pages the system browser shows after a sign-in redirect: built here from plain text (escaped), so the app can pass
// them in the technician's language and nothing it passes can become markup.

/** Pages the browser shows after the redirect (MSAL's success and error templates). */
export interface BrowserPages {
  success: string;
  error: string;
}

/** The words of the two pages, as plain text in one language. */
export interface BrowserPageText {
  /** BCP 47 language tag of the words (the page's `lang`). */
  lang: string;
  /** Right-to-left script (Arabic): the page's `dir`. */
  rtl?: boolean;
  success: { title: string; text: string };
  error: { title: string; text: string };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A language tag safe for an attribute (anything else becomes "en"). */
function langTag(lang: string): string {
  return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$/.test(lang) ? lang : 'en';
}

function page(lang: string, rtl: boolean, title: string, text: string): string {
  const t = escapeHtml(title);
  return (
    `<!DOCTYPE html><html lang="${langTag(lang)}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${t}</title></head>` +
    `<body style="font:16px system-ui,sans-serif;margin:3rem"><h1 style="font-size:1.4rem">${t}</h1><p>${escapeHtml(text)}</p></body></html>`
  );
}

export function browserPages(words: BrowserPageText): BrowserPages {
  const rtl = words.rtl === true;
  return {
    success: page(words.lang, rtl, words.success.title, words.success.text),
    error: page(words.lang, rtl, words.error.title, words.error.text),
  };
}

/** What the CLI (and the app until it passes its own words) shows. */
export const DEFAULT_PAGES: BrowserPages = browserPages({
  lang: 'en',
  success: {
    title: 'Signed in',
    text: 'You are signed in to XS4 Face. You can close this window and return to the XS4 Face Space Assistant.',
  },
  error: {
    title: 'Sign-in not completed',
    text: 'The sign-in was not completed. Return to the XS4 Face Space Assistant to see why and try again.',
  },
});
