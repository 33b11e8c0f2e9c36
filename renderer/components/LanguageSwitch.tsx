// English/Spanish switch; the choice is stored in settings through window.xs4.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../contract/app';
import { useShellStore } from '../store';
import './LanguageSwitch.css';

const LANGUAGES: Language[] = ['en', 'es'];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useShellStore((s) => s.settings?.language ?? 'en');
  const setLanguage = useShellStore((s) => s.setLanguage);
  const ready = useShellStore((s) => s.status === 'ready');
  return (
    <div className="langswitch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          className="langswitch__option"
          aria-pressed={language === l}
          disabled={!ready}
          lang={l}
          onClick={() => void setLanguage(l)}
        >
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
