// Step 7: the Space settings that must hold (HTTPS, SHIP, power-save, firewall), each with cause and remedy, Fix and Undo.
import { text } from '../../contract/text';
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRunPanel } from '../components/CheckRunPanel';
import { SpaceCertificatePanel } from '../components/SpaceCertificatePanel';
import { StepFrame } from '../components/StepFrame';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function SpaceSettingsStep(_props: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const s = useSetupStore();
  const runChecks = s.runSettingsChecks;
  const hasResults = s.settingsChecks.length > 0;
  const otherRunning = s.operation?.running === true;
  const started = useRef(false);

  useEffect(() => {
    // Checks only read the world, so running them on arrival is safe; once per visit, after an operation still running
    // elsewhere has ended (results kept from an earlier visit are shown as they are).
    if (started.current || hasResults || otherRunning) return;
    started.current = true;
    void runChecks();
  }, [runChecks, hasResults, otherRunning]);

  const failing = s.settingsChecks.filter((c) => c.status === 'fail').length;

  return (
    <StepFrame
      title={t('spaceSettings.title')}
      intro={<p>{t('spaceSettings.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(text('setup:spaceSettings.summary', { failing }))}
      continueLabel={failing > 0 ? t('spaceSettings.continueAnyway') : undefined}
      continueDisabled={!hasResults}
      continueHint={t('spaceSettings.continueHint')}
    >
      <SpaceCertificatePanel onTrusted={() => void runChecks()} />
      <CheckRunPanel
        actions={
          <button type="button" className="btn" onClick={() => void runChecks()} disabled={s.busy !== null}>
            {t('checks.runAgain')}
          </button>
        }
        kinds={['checks', 'fix', 'undo']}
        showLog={(op) => op.kind !== 'checks'}
        error={s.error}
        checks={s.settingsChecks}
      >
        {failing > 0 && (
          <p className="notice notice--warn">{t('spaceSettings.failingNote', { count: failing })}</p>
        )}
      </CheckRunPanel>
    </StepFrame>
  );
}
