// A write XS4 Face accepted that the on-site XS4 Face server has not received yet: the wait with its elapsed time and
// Stop while it runs; once it stopped (deadline or Stop), Keep waiting or Stop for good; then how it ended.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupStore } from '../store/setup';
import { Icon } from './Icon';
import { useElapsed, useTick } from './elapsed';
import { useScrolledIntoView } from './scroll-into-view';

export function PendingWritePanel(): ReactElement | null {
  const { t } = useTranslation('setup');
  const elapsed = useElapsed();
  const operation = useSetupStore((s) => s.operation);
  const pendingWrite = useSetupStore((s) => s.pendingWrite);
  const outcome = useSetupStore((s) => s.pendingOutcome);
  const busy = useSetupStore((s) => s.busy);
  const keepWaiting = useSetupStore((s) => s.keepWaiting);
  const stopWaiting = useSetupStore((s) => s.stopWaiting);
  const cancelOperation = useSetupStore((s) => s.cancelOperation);
  const waiting = operation !== null && operation.running && operation.pending !== null ? operation : null;
  const now = useTick(waiting !== null);
  const step = useSetupStore((s) => s.step);
  const writeOn = useSetupStore((s) => s.writeOn);
  const shown = useScrolledIntoView();

  // The panel belongs to the step that wrote: another step shows only that something still runs (StepFrame).
  if (waiting?.pending && waiting.step === step) {
    const p = waiting.pending;
    return (
      <section
        ref={shown}
        className="notice notice--info pending"
        aria-label={t('pending.title')}
        data-pending="waiting"
      >
        <Icon name="info" />
        <div>
          <p className="notice__title">{t('pending.waiting')}</p>
          <p role="timer" aria-live="off">
            {t('pending.elapsed', { elapsed: elapsed(p.elapsedMs + Math.max(0, now - p.receivedAt)) })}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => void cancelOperation()}
            disabled={waiting.cancelRequested}
          >
            {waiting.cancelRequested ? t('op.cancelling') : t('pending.stop')}
          </button>
        </div>
      </section>
    );
  }
  if (writeOn !== step) return null;
  if (pendingWrite !== null)
    return (
      <section
        ref={shown}
        className="notice notice--warn pending"
        aria-label={t('pending.title')}
        data-pending="left"
      >
        <Icon name="warning" />
        <div>
          <p className="notice__title" role="status">
            {t('pending.left', { elapsed: elapsed(pendingWrite.waitedMs) })}
          </p>
          <div className="form__actions">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void keepWaiting()}
              disabled={busy !== null}
            >
              {t('pending.keepWaiting')}
            </button>
            <button type="button" className="btn" onClick={stopWaiting} disabled={busy !== null}>
              {t('pending.stop')}
            </button>
          </div>
        </div>
      </section>
    );
  if (outcome !== null)
    return (
      <p
        className={`notice ${outcome === 'applied' ? 'notice--ok' : 'notice--warn'}`}
        role="status"
        data-pending={outcome}
      >
        <Icon name={outcome === 'applied' ? 'check' : 'warning'} />
        <span>{t(outcome === 'applied' ? 'pending.applied' : 'pending.stopped')}</span>
      </p>
    );
  return null;
}
