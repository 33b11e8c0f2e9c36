// The application shell: title bar, left navigation (Set up / Troubleshoot), content area.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './components/ErrorNotice';
import { ModeView } from './views/ModeView';
import { NavBar } from './components/NavBar';
import { TitleBar } from './components/TitleBar';
import { useShellStore } from './store';
import './App.css';

export function App() {
  const { t } = useTranslation();
  const { status, appInfo, mode, error, load } = useShellStore();

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="shell">
      <TitleBar />
      <div className="shell__body">
        <NavBar />
        <main className="content" aria-busy={status === 'loading'}>
          {appInfo !== null && appInfo.startupProblems.length > 0 && (
            <section className="problems" aria-label={t('problems.heading')}>
              {appInfo.startupProblems.map((p, i) => (
                <ErrorNotice key={`${p.code}-${i}`} error={p} />
              ))}
            </section>
          )}
          {status === 'failed' && error !== null && (
            <ErrorNotice
              error={{ ...error, message: `${t('status.loadFailed')} ${error.message}` }}
              onRetry={() => void load()}
            />
          )}
          {status === 'ready' && error !== null && <ErrorNotice error={error} />}
          {(status === 'loading' || status === 'idle') && (
            <p className="status-line">{t('status.loading')}</p>
          )}
          {status === 'ready' && appInfo !== null && <ModeView mode={mode} info={appInfo} />}
        </main>
      </div>
    </div>
  );
}
