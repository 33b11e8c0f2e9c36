// An error's sentence and remedy in the page's language: the core's by their catalog key and parameters, the page's
// own (e.g. a refused certificate) by `errors.<code>` in setup.*.json; a foreign error without either as it came.
import { useTranslation } from 'react-i18next';
import type { CallError } from '../bridge/errors';
import { text } from '../../contract/text';
import { useSay } from './say';

export function useErrorWords(error: Pick<CallError, 'code' | 'message' | 'remedy' | 'key' | 'params'>): {
  message: string;
  remedy: string;
} {
  const { t, i18n } = useTranslation('setup');
  const say = useSay();
  if (error.key !== undefined)
    return {
      message: say(text(`${error.key}.message`, error.params)),
      remedy: say(text(`${error.key}.remedy`, error.params)),
    };
  const own = error.message === '' || i18n.exists(`errors.${error.code}.message`, { ns: 'setup' });
  if (!own) return { message: error.message, remedy: error.remedy };
  const facts: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.params ?? {})) if (typeof v !== 'object') facts[k] = v;
  return {
    message: t(`errors.${error.code}.message`, facts),
    remedy: t(`errors.${error.code}.remedy`, { ...facts, defaultValue: '' }),
  };
}
