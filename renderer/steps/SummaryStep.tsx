// Step 11: what the wizard did step by step, and every change the app made (the applied-settings history).
import { useSay } from '../i18n/say';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureNotice } from '../components/FailureNotice';
import { TextWithValues } from '../components/LtrText';
import { StepFrame } from '../components/StepFrame';
import { StepIds } from '../../contract/steps';
import { useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function SummaryStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const say = useSay();
  const s = useSetupStore();
  const loadHistory = s.loadHistory;
  useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  const done = s.progress?.done ?? {};
  const rows = StepIds.filter((id) => id !== 'summary' && done[id] !== undefined);
  const missing = StepIds.filter((id) => id !== 'summary' && id !== 'welcome' && done[id] === undefined);
  const when = (iso: string): string => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(i18n.language);
  };

  return (
    <StepFrame
      title={t('summary.title')}
      intro={<p>{done.verify !== undefined ? t('summary.introDone') : t('summary.introPartial')}</p>}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void s.back()}>
            {t('common.back')}
          </button>
          <button type="button" className="btn" onClick={onTroubleshoot}>
            {t('summary.troubleshoot')}
          </button>
        </>
      }
    >
      <h3>{t('summary.stepsTitle')}</h3>
      <table className="values">
        <caption className="sr-only">{t('summary.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summary.step')}</th>
            <th scope="col">{t('summary.what')}</th>
            <th scope="col">{t('summary.when')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((id) => (
            <tr key={id}>
              <th scope="row">{t(`nav.${id}`)}</th>
              <td>
                <TextWithValues text={done[id] !== undefined ? say(done[id].summary) : ''} />
              </td>
              <td>{when(done[id]?.at ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <p className="notice notice--warn">
          {t('summary.notDone', { steps: missing.map((id) => t(`nav.${id}`)).join(', ') })}
        </p>
      )}

      <p className="notice notice--info">{t('summary.reportHint')}</p>

      <h3>{t('summary.changesTitle')}</h3>
      {s.error !== null && <FailureNotice error={s.error} />}
      {s.history.length === 0 ? (
        <p className="muted">{t('summary.noChanges')}</p>
      ) : (
        <table className="values" data-testid="history">
          <caption className="sr-only">{t('summary.changesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('summary.when')}</th>
              <th scope="col">{t('summary.target')}</th>
              <th scope="col">{t('summary.what')}</th>
              <th scope="col">{t('summary.result')}</th>
            </tr>
          </thead>
          <tbody>
            {s.history.map((h, i) => (
              <tr key={`${h.time}-${i}`}>
                <td>{when(h.time)}</td>
                <td title={h.target}>{say(h.targetName)}</td>
                <td>
                  <TextWithValues text={say(h.summary)} />
                </td>
                <td>{say(h.result)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StepFrame>
  );
}
