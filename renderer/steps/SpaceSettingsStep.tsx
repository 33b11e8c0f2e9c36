// Step 7: the Space settings that must hold (HTTPS, SHIP, power-save, firewall), each with cause and remedy, Fix and Undo.
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckList } from '../components/CheckList';
import { FailureNotice } from '../components/FailureNotice';
import { LogPanel } from '../components/LogPanel';
import { StepFrame } from '../components/StepFrame';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function SpaceSettingsStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const runChecks = s.runSettingsChecks;
  const hasResults = s.settingsChecks.length > 0;

  useEffect(() => {
    // Checks only read the world, so running them on arrival is safe.
    if (!hasResults) void runChecks();
  }, [runChecks, hasResults]);

  const failing = s.settingsChecks.filter((c) => c.status === 'fail').length;
  const op =
    s.operation !== null && ['checks', 'fix', 'undo'].includes(s.operation.kind) && s.operation.running
      ? s.operation
      : null;

  return (
    <StepFrame
      title={t('spaceSettings.title')}
      intro={<p>{t('spaceSettings.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(t('spaceSettings.summary', { failing }))}
      continueLabel={failing > 0 ? t('spaceSettings.continueAnyway') : undefined}
      continueDisabled={!hasResults}
      continueHint={t('spaceSettings.continueHint')}
    >
      <div className="toolbar">
        <button type="button" className="btn" onClick={() => void runChecks()} disabled={s.busy !== null}>
          {t('checks.runAgain')}
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
      {hasResults && (
        <CheckList
          checks={s.settingsChecks}
          busy={s.busy !== null}
          onFix={(id) => void s.applyFix(id)}
          onUndo={(id) => void s.undoFix(id)}
        />
      )}
      {failing > 0 && (
        <p className="notice notice--warn">{t('spaceSettings.failingNote', { count: failing })}</p>
      )}
    </StepFrame>
  );
}
