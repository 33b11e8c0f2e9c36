// The CLI's language (English unless --lang says otherwise) and the one function that puts a Text into words.
import type { Language } from '../../contract/languages';
import { isLanguage, LANGUAGES } from '../../contract/languages';
import type { Sayable } from '../../contract/text';
import { renderText } from '../../messages/render';
import { usageError } from './args';
import type { ErrorInfo } from '../core/errors';
import { text } from '../../contract/text';

let current: Language = 'en';

/** The language of this run's human output; JSON output keeps keys and parameters whatever it is. */
export function cliLanguage(): Language {
  return current;
}

/** Says a Text (or a sentence already in words) in this run's language. */
export function say(value: Sayable): string {
  return renderText(value, current);
}

/** Takes the global `--lang <code>` / `--lang=<code>` out of argv (anywhere) and sets the run's language. */
export function takeLanguage(argv: readonly string[]): string[] {
  current = 'en';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    let value: string | undefined;
    if (a === '--lang') {
      value = argv[i + 1];
      i += 1;
    } else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    else {
      rest.push(a);
      continue;
    }
    if (!isLanguage(value))
      throw usageError(text('cli.usage.lang', { languages: LANGUAGES.join(', ') }), { flag: 'lang' });
    current = value;
  }
  return rest;
}

/** An error's sentence and remedy in this run's language (the English ones when it has no catalog key). */
export function sayError(info: ErrorInfo): { message: string; remedy: string } {
  if (info.key === undefined) return { message: info.message, remedy: info.remedy };
  return {
    message: say(text(`${info.key}.message`, info.params)),
    remedy: say(text(`${info.key}.remedy`, info.params)),
  };
}
