// Step 10: write the values to XS4 Face, read them back, follow the integration status until Connected — or explain why not.
import { useSay } from '../i18n/say';
import { text } from '../../contract/text';
import { statusText } from '../i18n/status-text';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRunPanel, LiveCheckList } from '../components/CheckRunPanel';
import { Icon } from '../components/Icon';
import { StatusBadge } from '../components/StatusBadge';
import { StepFrame } from '../components/StepFrame';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function VerifyStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const result = s.verifyResult;
  const doneBefore = s.progress?.done.verify;

  return (
    <StepFrame
      title={t('verify.title')}
      intro={<p>{t('verify.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(text('setup:verify.summary', { status: statusText(result?.status) }))}
      continueDisabled={result?.connected !== true && doneBefore === undefined}
      continueHint={t('verify.continueHint')}
    >
      <CheckRunPanel
        actions={
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void s.verify()}
            disabled={s.busy !== null}
          >
            {result === null ? t('verify.start') : t('verify.again')}
          </button>
        }
        kinds={['verify', 'fix', 'undo']}
        showLog={(op) => op.log.length > 0}
        error={s.error}
        errorActions={
          <button type="button" className="btn btn--link" onClick={onTroubleshoot}>
            {t('common.openTroubleshoot')}
          </button>
        }
      >
        {result !== null && (
          <section className="subsection" aria-labelledby="verify-result">
            <h3 id="verify-result" className="result-head">
              {t('verify.resultTitle')} <StatusBadge kind="integration" status={result.status} />
            </h3>
            <p className={`notice ${result.connected ? 'notice--ok' : 'notice--error'}`} role="status">
              <Icon name={result.connected ? 'check' : 'cross'} />
              <span>{say(result.message)}</span>
            </p>
            {!result.connected && result.diagnosis.length > 0 && (
              <>
                <h4>{t('verify.diagnosis')}</h4>
                <LiveCheckList checks={result.diagnosis} />
              </>
            )}
          </section>
        )}
      </CheckRunPanel>
    </StepFrame>
  );
}
