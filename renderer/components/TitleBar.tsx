// Top bar: product name and tagline, with the language switch on the right.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import './TitleBar.css';

export function TitleBar() {
  const { t } = useTranslation();
  return (
    <header className="titlebar">
      <div className="titlebar__brand">
        <span className="titlebar__logo" aria-hidden="true">
          XS4
        </span>
        <div>
          <h1 className="titlebar__title">{t('app.title')}</h1>
          <p className="titlebar__subtitle">{t('app.subtitle')}</p>
        </div>
      </div>
      <LanguageSwitch />
    </header>
  );
}
