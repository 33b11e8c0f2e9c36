// The language menu in the title bar (the Console's six languages, each named in itself); stored in settings.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contract/languages';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../contract/languages';
import { useShellStore } from '../store';
import './LanguageSwitch.css';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useShellStore((s) => s.settings?.language ?? 'en');
  const setLanguage = useShellStore((s) => s.setLanguage);
  const ready = useShellStore((s) => s.status === 'ready');
  return (
    <label className="langswitch">
      <span className="langswitch__label">{t('language.label')}</span>
      <select
        className="langswitch__select"
        value={language}
        disabled={!ready}
        onChange={(e) => {
          const next = e.target.value;
          if (isLanguage(next)) void setLanguage(next as Language);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
