// useSay(): puts what the core says (a Text: catalog key and parameters) into words in the page's language.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Sayable } from '../../contract/text';
import { formatText } from '../../messages/format';

export type Say = (value: Sayable) => string;

export function useSay(): Say {
  const { t } = useTranslation('core');
  return useCallback((value: Sayable) => formatText(value, (key, params) => t(key, params)), [t]);
}
