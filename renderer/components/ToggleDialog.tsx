// "Add integration": one switch per integration this assistant can configure; Continue adds the chosen ones.
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';
import './ToggleDialog.css';

interface Option {
  kind: string;
  name: string;
  /** Already on the server: shown, switched on and locked. */
  present: boolean;
}

interface Props {
  options: Option[];
  onContinue: (kinds: string[]) => void;
  onCancel: () => void;
}

export function ToggleDialog({ options, onContinue, onCancel }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const toggle = (kind: string): void =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  return (
    <Modal
      title={t('integrations.addTitle')}
      onCancel={onCancel}
      footer={
        <>
          <button
            type="button"
            className="btn btn--primary"
            disabled={chosen.size === 0}
            onClick={() => onContinue([...chosen])}
          >
            {t('common.continue')}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <p>{t('integrations.addExplain')}</p>
      <ul className="toggles">
        {options.map((o) => {
          const on = o.present || chosen.has(o.kind);
          return (
            <li key={o.kind}>
              <button
                type="button"
                role="switch"
                aria-checked={on}
                disabled={o.present}
                className="switch"
                onClick={() => toggle(o.kind)}
              >
                <span className="switch__track" aria-hidden="true">
                  <span className="switch__thumb" />
                </span>
                <span>{o.name}</span>
                {o.present && <span className="switch__note">{t('integrations.alreadyAdded')}</span>}
              </button>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
