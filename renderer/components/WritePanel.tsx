// A write to XS4 Face as it goes, on the step that started it: after a second, what it saves, what it waits for now and
// for how long, with Cancel; then, if it was sent without an answer (cancelled, cut, timed out), that it may have been
// applied, with "Check what XS4 Face holds" (a read back); and how that or a cancel before sending ended.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationKind } from '../store/busy';
import type { OperationView } from '../store/operation';
import { useSetupStore } from '../store/setup';
import { Icon } from './Icon';
import { useElapsed, useTick } from './elapsed';
import { useScrolledIntoView } from './scroll-into-view';

/** Operations this panel follows while they run (a write waiting for the on-site server has its own panel). */
const WRITE_KINDS: readonly OperationKind[] = ['write', 'keepWaiting', 'checkWrite'];

/** Quick answers show nothing: the panel appears once a write has taken this long. */
export const SHOW_AFTER_MS = 1000;

/** What an operation does (or did), in the technician's words: the write's own name, else its kind. */
export function useOperationName(): (op: Pick<OperationView, 'action' | 'kind'>) => string {
  const { t, i18n } = useTranslation('setup');
  return (op) =>
    i18n.exists(`write.action.${op.action}`, { ns: 'setup' })
      ? t(`write.action.${op.action}`)
      : t(`op.kind.${op.kind}`);
}

export function WritePanel(): ReactElement | null {
  const { t } = useTranslation('setup');
  const elapsed = useElapsed();
  const name = useOperationName();
  const step = useSetupStore((s) => s.step);
  const operation = useSetupStore((s) => s.operation);
  const writeOn = useSetupStore((s) => s.writeOn);
  const unconfirmed = useSetupStore((s) => s.unconfirmedWrite);
  const outcome = useSetupStore((s) => s.writeOutcome);
  const busy = useSetupStore((s) => s.busy);
  const cancelOperation = useSetupStore((s) => s.cancelOperation);
  const checkWrite = useSetupStore((s) => s.checkWrite);
  const shown = useScrolledIntoView();
  const running =
    operation !== null &&
    operation.running &&
    operation.step === step &&
    operation.pending === null &&
    WRITE_KINDS.includes(operation.kind)
      ? operation
      : null;
  const now = useTick(running !== null);

  if (running !== null) {
    const ms = Math.max(0, now - running.startedAt);
    if (ms < SHOW_AFTER_MS) return null;
    return (
      <section
        ref={shown}
        className="notice notice--info write"
        aria-label={t('write.title')}
        data-write="running"
        aria-busy="true"
      >
        <Icon name="info" />
        <div>
          <p className="notice__title">{name(running)}</p>
          <p>{t(`write.stage.${running.stage ?? 'starting'}`)}</p>
          <p role="timer" aria-live="off">
            {t('write.elapsed', { elapsed: elapsed(ms) })}
          </p>
          <button
            type="button"
            className="btn"
            onClick={() => void cancelOperation()}
            disabled={running.cancelRequested}
          >
            {running.cancelRequested ? t('op.cancelling') : t('common.cancel')}
          </button>
        </div>
      </section>
    );
  }
  if (writeOn !== step) return null;
  if (unconfirmed !== null)
    return (
      <section
        ref={shown}
        className="notice notice--warn write"
        aria-label={t('write.title')}
        data-write="unconfirmed"
      >
        <Icon name="warning" />
        <div>
          <p className="notice__title" role="status">
            {t(`write.unconfirmed.${unconfirmed.reason}`)}
          </p>
          <p>{t('write.unconfirmed.advice')}</p>
          <div className="form__actions">
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => void checkWrite()}
              disabled={busy !== null}
            >
              {t('write.check')}
            </button>
          </div>
        </div>
      </section>
    );
  if (outcome !== null)
    return (
      <section
        className={`notice ${outcome === 'applied' ? 'notice--ok' : 'notice--warn'} write`}
        aria-label={t('write.title')}
        data-write={outcome}
      >
        <Icon name={outcome === 'applied' ? 'check' : 'warning'} />
        <p role="status">{t(`write.outcome.${outcome}`)}</p>
      </section>
    );
  return null;
}
