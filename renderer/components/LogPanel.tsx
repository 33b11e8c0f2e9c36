// Live view of a long operation: what it is doing, how far it is, for how long, its output as it arrives, and Cancel.
import { useSay } from '../i18n/say';
import { useEffect, useRef, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationView } from '../store/operation';
import { useElapsed, useTick } from './elapsed';
import './LogPanel.css';

interface Props {
  operation: OperationView;
  title: string;
  onCancel: () => void;
  /** Hide the output box (e.g. a check run that prints nothing). */
  showLog?: boolean;
}

export function LogPanel({ operation, title, onCancel, showLog = true }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const elapsed = useElapsed();
  const now = useTick(operation.running);
  const logRef = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // Follow the newest line, like a terminal.
    const el = logRef.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [operation.log.length]);

  const percent = operation.fraction === null ? null : Math.round(operation.fraction * 100);
  return (
    // Focusable (not in the Tab order): a step whose button is disabled while the operation runs moves focus here.
    <section className="oppanel" aria-label={title} aria-busy={operation.running} tabIndex={-1}>
      <div className="oppanel__head">
        <strong>{title}</strong>
        {operation.running && (
          <button type="button" className="btn" onClick={onCancel} disabled={operation.cancelRequested}>
            {operation.cancelRequested ? t('op.cancelling') : t('common.cancel')}
          </button>
        )}
      </div>
      {operation.running && (
        <div
          className={`progress${percent === null ? ' progress--indeterminate' : ''}`}
          role="progressbar"
          aria-label={title}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={percent === null ? t('op.working') : t('op.percent', { percent })}
        >
          <div className="progress__bar" style={percent === null ? undefined : { width: `${percent}%` }} />
        </div>
      )}
      <p className="oppanel__message" role="status">
        {operation.message !== ''
          ? say(operation.message)
          : operation.running
            ? t('op.working')
            : t('op.finished')}
      </p>
      {operation.running && (
        <p className="oppanel__elapsed muted" role="timer" aria-live="off">
          {t('write.elapsed', { elapsed: elapsed(now - operation.startedAt) })}
        </p>
      )}
      {showLog && (
        <pre
          ref={logRef}
          className="oppanel__log"
          role="log"
          aria-label={t('op.output')}
          tabIndex={0}
          // Program output (PowerShell, the core) reads left to right, whatever the page's direction.
          dir={operation.log.length === 0 ? undefined : 'ltr'}
        >
          {operation.log.length === 0 ? t('op.noOutput') : operation.log.join('\n')}
        </pre>
      )}
    </section>
  );
}
