// Step 1: what the assistant will do, what the technician needs, and the way to Troubleshoot instead.
import { text } from '../../contract/text';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FailureNotice } from '../components/FailureNotice';
import { StepFrame } from '../components/StepFrame';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function WelcomeStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const progress = useSetupStore((s) => s.progress);
  const error = useSetupStore((s) => s.error);
  const busy = useSetupStore((s) => s.busy);
  const complete = useSetupStore((s) => s.complete);
  const startOver = useSetupStore((s) => s.startOver);
  const [confirmReset, setConfirmReset] = useState(false);
  const doneCount = Object.keys(progress?.done ?? {}).filter((k) => k !== 'welcome').length;

  return (
    <StepFrame
      title={t('welcome.title')}
      intro={<p>{t('welcome.intro')}</p>}
      footer={
        <>
          <button type="button" className="btn" onClick={onTroubleshoot}>
            {t('welcome.troubleshoot')}
          </button>
          {doneCount > 0 && (
            <button
              type="button"
              className="btn"
              onClick={() => setConfirmReset(true)}
              disabled={busy !== null}
            >
              {t('welcome.startOver')}
            </button>
          )}
          <button
            type="button"
            className="btn btn--primary"
            data-continue
            disabled={busy !== null}
            onClick={() => void complete(text('setup:welcome.summary'))}
          >
            {t('welcome.start')}
          </button>
        </>
      }
    >
      <div className="columns">
        <div>
          <h3>{t('welcome.willHappen')}</h3>
          <ol className="plain-list">
            {(['connect', 'integration', 'windows', 'values', 'verify'] as const).map((k) => (
              <li key={k}>{t(`welcome.happen.${k}`)}</li>
            ))}
          </ol>
        </div>
        <div>
          <h3>{t('welcome.youNeed')}</h3>
          <ul className="plain-list">
            {(['address', 'signIn', 'admin', 'space'] as const).map((k) => (
              <li key={k}>{t(`welcome.need.${k}`)}</li>
            ))}
          </ul>
        </div>
      </div>
      <p className="notice notice--info">{t('welcome.resumeNote')}</p>
      {error !== null && <FailureNotice error={error} />}
      {confirmReset && (
        <ConfirmDialog
          title={t('welcome.startOverTitle')}
          confirmLabel={t('welcome.startOver')}
          onCancel={() => setConfirmReset(false)}
          onConfirm={() => {
            setConfirmReset(false);
            void startOver();
          }}
        >
          <p>{t('welcome.startOverBody')}</p>
        </ConfirmDialog>
      )}
    </StepFrame>
  );
}
