// The page the system browser shows after the sign-in: the CLI's in its --lang from the catalogs, escaped, rtl in Arabic.
import { describe, expect, it } from 'vitest';
import { browserPages, catalogBrowserPages } from '../../../main/core/auth/browser-pages';

describe('browser pages', () => {
  it('come from the catalogs in the language asked for, right to left in Arabic', () => {
    const de = catalogBrowserPages('de');
    expect(de.success).toContain('<html lang="de" dir="ltr">');
    expect(de.success).toContain('<h1 style="font-size:1.4rem">Sie sind angemeldet</h1>');
    expect(de.error).toContain('Anmeldung nicht abgeschlossen');
    const ar = catalogBrowserPages('ar');
    expect(ar.success).toContain('<html lang="ar" dir="rtl">');
    expect(ar.success).toContain('تم تسجيل دخولك');
    expect(catalogBrowserPages('en').success).toContain(
      'You are signed in to XS4 Face. You can close this window.',
    );
  });

  it('escape what they are given', () => {
    const pages = browserPages({
      lang: 'en"><script>',
      success: { title: '<b>x</b>', text: '&' },
      error: { title: 't', text: 'u' },
    });
    expect(pages.success).toContain('<html lang="en" dir="ltr">');
    expect(pages.success).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(pages.success).not.toContain('<script>');
  });
});
