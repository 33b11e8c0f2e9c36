// Step 3: XS4 Face's integration cards with their live status, what the selected status means, and Add integration.
import { text } from '../../contract/text';
import { statusText } from '../i18n/status-text';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationCard } from '../../contract/setup-shapes';
import { FailureNotice } from '../components/FailureNotice';
import { StatusBadge } from '../components/StatusBadge';
import { StepFrame } from '../components/StepFrame';
import { ToggleDialog } from '../components/ToggleDialog';
import { useSetupStore } from '../store/setup';
import { CARDS_REFRESH_MS, CONFIGURABLE_INTEGRATIONS, integrationName, isAdded } from '../store/step-checks';
import type { StepProps } from './step-props';
import './IntegrationsStep.css';

const SPACE_KINDS = new Set(CONFIGURABLE_INTEGRATIONS.map((i) => i.kind));

export function IntegrationsStep(_props: StepProps): ReactElement {
  const { t, i18n } = useTranslation('setup');
  const s = useSetupStore();
  const [selected, setSelected] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const refresh = s.refreshIntegrations;
  /** After Continue in Add integration: the kind whose row takes focus (the dialog's opener is disabled meanwhile). */
  const [focusKind, setFocusKind] = useState<string | null>(null);
  const cardList = useRef<HTMLUListElement>(null);

  useEffect(() => {
    void refresh();
    // "Refreshed live": the card follows XS4 Face while the step is on screen.
    const timer = setInterval(() => void refresh(true), CARDS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // Focus stays on the row of what is being added while it is written (the row may be drawn anew when the card comes
  // back from XS4 Face), then on that row, or on the error if the write failed; never on <body>.
  useEffect(() => {
    if (focusKind === null) return;
    const failure =
      s.busy === null ? document.querySelector<HTMLElement>('.view [role="alert"][data-code]') : null;
    const row = cardList.current?.querySelector<HTMLElement>(`[data-kind="${CSS.escape(focusKind)}"]`);
    const target = failure ?? row;
    if (target != null && document.activeElement !== target) target.focus();
    if (s.busy === null) setFocusKind(null);
  }, [focusKind, s.busy, s.cards, s.error]);

  const space = s.cards.find((c) => SPACE_KINDS.has(c.kind) && isAdded(c)) ?? null;
  const current: IntegrationCard | null =
    s.cards.find((c) => c.id === selected) ?? space ?? s.cards[0] ?? null;
  const options = CONFIGURABLE_INTEGRATIONS.map((o) => ({
    ...o,
    present: s.cards.some((c) => c.kind === o.kind && isAdded(c)),
  }));

  return (
    <StepFrame
      title={t('integrations.title')}
      intro={<p>{t('integrations.intro')}</p>}
      onBack={() => void s.back()}
      onContinue={() =>
        void s.complete(text('setup:integrations.summary', { status: statusText(space?.status) }))
      }
      continueDisabled={space === null}
      continueHint={t('integrations.continueHint')}
    >
      <div className="toolbar">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => setAdding(true)}
          disabled={s.busy !== null}
        >
          {t('integrations.add')}
        </button>
        <button type="button" className="btn" onClick={() => void refresh()} disabled={s.busy !== null}>
          {t('common.refresh')}
        </button>
      </div>
      {s.error !== null && <FailureNotice error={s.error} />}
      {s.cardsRefreshFailed !== null && (
        // Quiet: the cards stay as last read and the step goes on; the next refresh that works removes it.
        <p className="notice notice--quiet" role="status" data-testid="refresh-failed">
          {t('integrations.refreshFailed', {
            time: new Date(s.cardsRefreshFailed.at).toLocaleTimeString(i18n.language),
            message: s.cardsRefreshFailed.message,
          })}
        </p>
      )}
      {s.cardsLoaded && s.cards.length === 0 && (
        <p className="notice notice--info">{t('integrations.none')}</p>
      )}
      <ul ref={cardList} className="cards" aria-label={t('integrations.cardsLabel')}>
        {s.cards.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`card${current?.id === c.id ? ' card--selected' : ''}`}
              data-kind={c.kind}
              aria-pressed={current?.id === c.id}
              onClick={() => setSelected(c.id)}
            >
              <span className="card__name">{integrationName(c)}</span>
              <StatusBadge kind="integration" status={c.status} />
              <span className="card__meta">
                {c.lastCheckedAt !== null
                  ? t('integrations.lastChecked', {
                      time: new Date(c.lastCheckedAt).toLocaleTimeString(i18n.language),
                    })
                  : isAdded(c)
                    ? t('integrations.neverChecked')
                    : t('integrations.notAdded')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {current !== null && (
        <section
          className="explain"
          aria-live="polite"
          aria-label={t('integrations.explainLabel', { name: integrationName(current) })}
        >
          <h3>
            {integrationName(current)}: {t(`status.integration.${current.status}`)}
          </h3>
          <p>{t(`integrations.meaning.${current.status}`)}</p>
          {current.status !== 'connected' && (
            <>
              <h4>{t('integrations.likelyCauses')}</h4>
              <ul className="plain-list">
                {(t(`integrations.causes.${current.status}`, { returnObjects: true }) as string[]).map(
                  (cause) => (
                    <li key={cause}>{cause}</li>
                  ),
                )}
              </ul>
            </>
          )}
          {current.lastError !== null && (
            <p>
              <strong>{t('integrations.serverSays')}</strong> {current.lastError}
            </p>
          )}
        </section>
      )}
      {adding && (
        <ToggleDialog
          options={options}
          onCancel={() => setAdding(false)}
          onContinue={(kinds) => {
            setAdding(false);
            // The row of what is added is the one explained below, and where focus goes.
            setSelected(null);
            setFocusKind(kinds[0] ?? null);
            void s.addIntegrations(kinds);
          }}
        />
      )}
    </StepFrame>
  );
}
