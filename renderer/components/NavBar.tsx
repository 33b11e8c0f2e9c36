// Left navigation between the two modes. More entries (e.g. wizard steps) can be nested under a mode later.
import { useTranslation } from 'react-i18next';
import { useShellStore, type Mode } from '../store';
import './NavBar.css';

const MODES: Mode[] = ['setup', 'troubleshoot'];

export function NavBar() {
  const { t } = useTranslation();
  const mode = useShellStore((s) => s.mode);
  const setMode = useShellStore((s) => s.setMode);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul className="nav__list">
        {MODES.map((m) => (
          <li key={m}>
            <button
              type="button"
              className="nav__item"
              aria-current={mode === m ? 'page' : undefined}
              onClick={() => setMode(m)}
              data-mode={m}
            >
              <span className="nav__label">{t(`nav.${m}`)}</span>
              <span className="nav__hint">{t(`nav.${m}Hint`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
