// Check results with cause and remedy, failures first; Fix and Undo where the app can act (each confirmed first),
// instructions where it cannot.
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckView } from '../../contract/setup-shapes';
import { ConfirmDialog } from './ConfirmDialog';
import { StatusBadge } from './StatusBadge';
import { useSay } from '../i18n/say';
import './CheckList.css';

interface Props {
  checks: CheckView[];
  busy: boolean;
  onFix: (checkId: string) => void;
  onUndo: (checkId: string) => void;
}

type Pending = { action: 'fix' | 'undo'; check: CheckView } | null;

/** What needs the technician comes first: on a small screen the first card in view is a failure, never a pass. */
const ORDER: Record<CheckView['status'], number> = { fail: 0, warn: 1, skip: 2, pass: 3 };

/** The checks failures first, then warnings, skipped and passed; the engine's order within each (a stable sort). */
function failuresFirst(checks: readonly CheckView[]): CheckView[] {
  return [...checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}

export function CheckList({ checks, busy, onFix, onUndo }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const say = useSay();
  const [pending, setPending] = useState<Pending>(null);

  const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const c of checks) counts[c.status] += 1;

  return (
    <>
      <p className="checks__summary" role="status">
        {t('checks.counts', counts)}
      </p>
      <ul className="checks">
        {failuresFirst(checks).map((c) => (
          <li key={c.id} className={`check check--${c.status}`} data-check={c.id}>
            <div className="check__head">
              <StatusBadge kind="check" status={c.status} />
              <strong className="check__title">{say(c.title)}</strong>
            </div>
            <p className="check__summary">{say(c.summary)}</p>
            {c.detail !== undefined && c.detail !== '' && <p className="check__detail">{say(c.detail)}</p>}
            {c.remedy !== undefined && c.remedy !== '' && c.status !== 'pass' && (
              <div className="check__remedy">
                <strong>{c.fix === null ? t('checks.doItYourself') : t('common.whatToDo')}</strong>
                <p>{say(c.remedy)}</p>
              </div>
            )}
            {c.code !== undefined && c.status !== 'pass' && (
              <p className="notice__code">{t('common.errorCode', { code: c.code })}</p>
            )}
            <div className="check__actions">
              {c.fix !== null && c.status !== 'pass' && c.status !== 'skip' && (
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={busy}
                  onClick={() => setPending({ action: 'fix', check: c })}
                >
                  {say(c.fix.title)}
                  {c.fix.elevated ? ` ${t('checks.needsAdmin')}` : ''}
                </button>
              )}
              {c.undoAvailable && (
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => setPending({ action: 'undo', check: c })}
                >
                  {t('checks.undo')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {pending !== null && (
        <ConfirmDialog
          title={
            pending.action === 'fix'
              ? t('checks.confirmFixTitle', { title: say(pending.check.title) })
              : t('checks.confirmUndoTitle', { title: say(pending.check.title) })
          }
          confirmLabel={
            pending.action === 'fix'
              ? pending.check.fix
                ? say(pending.check.fix.title)
                : t('checks.fix')
              : t('checks.undo')
          }
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const { action, check } = pending;
            setPending(null);
            if (action === 'fix') onFix(check.id);
            else onUndo(check.id);
          }}
        >
          <p>{pending.action === 'fix' ? t('checks.confirmFixBody') : t('checks.confirmUndoBody')}</p>
          {pending.action === 'fix' && pending.check.fix?.elevated === true && (
            <p>{t('checks.confirmElevated')}</p>
          )}
          {pending.action === 'fix' && <p>{t('checks.confirmUndoLater')}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
