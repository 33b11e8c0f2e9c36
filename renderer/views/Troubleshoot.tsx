// Troubleshoot: run every check (the same engine as `xs4-setup doctor`), see cause and remedy, apply fixes with undo.
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckList } from '../components/CheckList';
import { FailureNotice } from '../components/FailureNotice';
import { LogPanel } from '../components/LogPanel';
import { useSetupStore } from '../store/setup';
import '../components/setup.css';

export function Troubleshoot({ onSetup }: { onSetup: () => void }): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const heading = useRef<HTMLHeadingElement>(null);
  const clearError = s.clearError;
  useEffect(() => {
    // A failure shown by the wizard is not this view's: start clean, with focus on the title.
    clearError();
    heading.current?.focus();
  }, [clearError]);
  const op =
    s.operation !== null && ['checks', 'fix', 'undo'].includes(s.operation.kind) && s.operation.running
      ? s.operation
      : null;
  const checks = s.troubleshootChecks;

  return (
    <div className="su">
      <section className="step" aria-labelledby="troubleshoot-title">
        <h2 id="troubleshoot-title" ref={heading} tabIndex={-1} className="step__title">
          {t('troubleshoot.title')}
        </h2>
        <div className="step__intro">
          <p>{t('troubleshoot.intro')}</p>
        </div>
        <div className="toolbar">
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void s.runAllChecks()}
            disabled={s.busy !== null}
          >
            {checks.length === 0 ? t('troubleshoot.run') : t('checks.runAgain')}
          </button>
          <button type="button" className="btn" onClick={onSetup}>
            {t('troubleshoot.backToSetup')}
          </button>
        </div>
        {op !== null && (
          <LogPanel
            operation={op}
            title={t(`op.kind.${op.kind}`)}
            onCancel={() => void s.cancelOperation()}
            showLog={op.kind !== 'checks'}
          />
        )}
        {s.error !== null && <FailureNotice error={s.error} />}
        {checks.length > 0 && (
          <CheckList
            checks={checks}
            busy={s.busy !== null}
            onFix={(id) => void s.applyFix(id)}
            onUndo={(id) => void s.undoFix(id)}
          />
        )}
        {checks.length === 0 && op === null && <p className="muted">{t('troubleshoot.notRun')}</p>}
      </section>
    </div>
  );
}
