// The pages the system browser shows after a sign-in redirect: built here from plain text (escaped), so the app can pass
// them in the technician's language and nothing it passes can become markup; the CLI's come from the catalogs.
import { isRightToLeft, type Language } from '../../../contract/languages';
import { text, type Text } from '../../../contract/text';
import { renderText } from '../../../messages/render';

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

function page(lang: string, rtl: boolean, title: string, body: string): string {
  const t = escapeHtml(title);
  return (
    `<!DOCTYPE html><html lang="${langTag(lang)}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${t}</title></head>` +
    `<body style="font:16px system-ui,sans-serif;margin:3rem"><h1 style="font-size:1.4rem">${t}</h1><p>${escapeHtml(body)}</p></body></html>`
  );
}

export function browserPages(words: BrowserPageText): BrowserPages {
  const rtl = words.rtl === true;
  return {
    success: page(words.lang, rtl, words.success.title, words.success.text),
    error: page(words.lang, rtl, words.error.title, words.error.text),
  };
}

/**
 * The pages in `language` from the catalogs (auth.page.*): the CLI's (its --lang), and the fallback of a sign-in made
 * without words. The app passes its own with each sign-in (contract/sign-in-channels.ts BrowserPageWords, from the
 * page's catalogs in the app's language).
 */
export function catalogBrowserPages(language: Language): BrowserPages {
  const say = (t: Text): string => renderText(t, language);
  return browserPages({
    lang: language,
    rtl: isRightToLeft(language),
    success: { title: say(text('auth.page.successTitle')), text: say(text('auth.page.successText')) },
    error: { title: say(text('auth.page.errorTitle')), text: say(text('auth.page.errorText')) },
  });
}
