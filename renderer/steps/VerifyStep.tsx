// Step 10: write the values to XS4 Face, read them back, follow the integration status until Connected — or explain why not.
// The core keeps the last result and a run going on: after a reload the step shows the result (and whether settings
// changed since), or that a verification is still running (Resume follows it) or did not finish (Start again).
import { useSay } from '../i18n/say';
import { text } from '../../contract/text';
import { statusText } from '../i18n/status-text';
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckRunPanel, LiveCheckList } from '../components/CheckRunPanel';
import { Icon } from '../components/Icon';
import { StatusBadge } from '../components/StatusBadge';
import { StepFrame } from '../components/StepFrame';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function VerifyStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const loadStatus = s.loadVerifyStatus;
  const result = s.verifyResult;
  const doneBefore = s.progress?.done.verify;
  const last = s.verifyStatus?.last ?? null;
  // The result on screen is the last run's (a fix in its diagnosis changes only that list).
  const stale = result !== null && last?.stale === true;
  const verifying = s.operation?.running === true && s.operation.kind === 'verify';
  const earlier = verifying ? null : (s.verifyStatus?.running ?? null);
  const time = (iso: string): string => new Date(iso).toLocaleTimeString(i18n.language);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  // The button pressed (Verify, Resume, Start again) is disabled while the run goes, so focus would drop to <body>:
  // it follows the run instead — its panel while it goes, then what it answered (the error, else the result heading).
  const follow = useRef(false);
  const run = (start: () => Promise<void>): void => {
    follow.current = true;
    void start();
  };
  useEffect(() => {
    if (!follow.current) return;
    const view = document.querySelector('.view');
    if (verifying) {
      const panel = view?.querySelector<HTMLElement>('.oppanel');
      if (panel != null && !panel.contains(document.activeElement)) panel.focus();
      return;
    }
    const answer =
      view?.querySelector<HTMLElement>('[role="alert"][data-code]') ??
      view?.querySelector<HTMLElement>('#verify-result');
    if (answer != null) {
      answer.focus();
      follow.current = false;
    } else if (s.busy === null) {
      // Ended, its answer not shown yet (the result follows the end of the run): meanwhile the button, enabled again.
      view?.querySelector<HTMLElement>('.toolbar .btn--primary')?.focus();
    }
  }, [verifying, result, s.error, s.busy]);

  return (
    <StepFrame
      title={t('verify.title')}
      intro={<p>{t('verify.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() => void s.complete(text('setup:verify.summary', { status: statusText(result?.status) }))}
      continueDisabled={!(result?.connected === true && !stale) && doneBefore === undefined}
      continueHint={t('verify.continueHint')}
    >
      {earlier !== null && (
        <div
          className="notice notice--info"
          data-verify={earlier.active ? 'running' : 'interrupted'}
          role="status"
        >
          <Icon name="info" />
          <div>
            <p className="notice__title">
              {t(earlier.active ? 'verify.stillRunning' : 'verify.interrupted', {
                time: time(earlier.startedAt),
              })}
            </p>
            <div className="form__actions">
              {earlier.active && (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => run(s.followVerify)}
                  disabled={s.busy !== null}
                >
                  {t('verify.resume')}
                </button>
              )}
              <button type="button" className="btn" onClick={() => run(s.verify)} disabled={s.busy !== null}>
                {t('verify.restart')}
              </button>
            </div>
          </div>
        </div>
      )}
      <CheckRunPanel
        actions={
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => run(s.verify)}
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
            <h3 id="verify-result" className="result-head" tabIndex={-1}>
              {t('verify.resultTitle')} <StatusBadge kind="integration" status={result.status} />
            </h3>
            {last !== null && <p className="muted">{t('verify.checkedAt', { time: time(last.at) })}</p>}
            <p className={`notice ${result.connected ? 'notice--ok' : 'notice--error'}`} role="status">
              <Icon name={result.connected ? 'check' : 'cross'} />
              <span>{say(result.message)}</span>
            </p>
            {stale && (
              <p className="notice notice--warn" data-verify="stale">
                <Icon name="warning" />
                <span>{t('verify.stale')}</span>
              </p>
            )}
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
