// On a step the technician reads while a long operation of another step runs: what runs there and for how long, with
// Go to that step and Cancel; once such an operation ended needing the technician (a failure, a write without an
// answer), where to look.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupStore } from '../store/setup';
import { Icon } from './Icon';
import { useElapsed, useTick } from './elapsed';
import { useOperationName } from './WritePanel';

export function BackgroundOperation(): ReactElement | null {
  const { t } = useTranslation('setup');
  const elapsed = useElapsed();
  const name = useOperationName();
  const step = useSetupStore((s) => s.step);
  const operation = useSetupStore((s) => s.operation);
  const attention = useSetupStore((s) => s.attention);
  const busy = useSetupStore((s) => s.busy);
  const goTo = useSetupStore((s) => s.goTo);
  const cancelOperation = useSetupStore((s) => s.cancelOperation);
  const away = operation !== null && operation.running && operation.step !== step ? operation : null;
  const now = useTick(away !== null);
  const navigating = busy === 'navigate' || busy === 'complete';

  if (away !== null)
    return (
      <section className="notice notice--info background-op" aria-label={t('background.title')}>
        <Icon name="info" />
        <div>
          <p className="notice__title">
            {t('background.running', {
              what: name(away),
              step: t(`nav.${away.step}`),
              elapsed: elapsed(now - away.startedAt),
            })}
          </p>
          <div className="form__actions">
            <button type="button" className="btn" onClick={() => void goTo(away.step)} disabled={navigating}>
              {t('background.goTo', { step: t(`nav.${away.step}`) })}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void cancelOperation()}
              disabled={away.cancelRequested}
            >
              {away.cancelRequested ? t('op.cancelling') : t('common.cancel')}
            </button>
          </div>
        </div>
      </section>
    );
  if (attention !== null && attention.step !== step)
    return (
      <section className="notice notice--warn background-op" aria-label={t('background.title')}>
        <Icon name="warning" />
        <div>
          <p className="notice__title" role="status">
            {t('background.attention', {
              what: name(attention),
              step: t(`nav.${attention.step}`),
            })}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => void goTo(attention.step)}
            disabled={navigating}
          >
            {t('background.goTo', { step: t(`nav.${attention.step}`) })}
          </button>
        </div>
      </section>
    );
  return null;
}
