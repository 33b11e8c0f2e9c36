// Step 11: what was done, step by step, as recorded by the core when each step completed.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { StepFrame } from '../components/StepFrame';
import { STEPS, useSetupStore } from '../store/setup';
import type { StepProps } from './step-props';

export function SummaryStep({ onTroubleshoot }: StepProps): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const s = useSetupStore();
  const done = s.progress?.done ?? {};
  const rows = STEPS.filter((id) => id !== 'summary' && done[id] !== undefined);

  return (
    <StepFrame
      title={t('summary.title')}
      intro={
        <p>{s.progress?.done.verify !== undefined ? t('summary.introDone') : t('summary.introPartial')}</p>
      }
      onBack={() => void s.back()}
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
              <td>{done[id]?.summary}</td>
              <td>{new Date(done[id]?.at ?? '').toLocaleString(i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {STEPS.filter((id) => id !== 'summary' && id !== 'welcome' && done[id] === undefined).length > 0 && (
        <p className="notice notice--warn">
          {t('summary.notDone', {
            steps: STEPS.filter((id) => id !== 'summary' && id !== 'welcome' && done[id] === undefined)
              .map((id) => t(`nav.${id}`))
              .join(', '),
          })}
        </p>
      )}
    </StepFrame>
  );
}
