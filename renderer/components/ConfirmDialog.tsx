// Asks before a change to the world (a fix, an undo, a key reset); says what will happen and what follows.
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: Props): ReactElement {
  const { t } = useTranslation('setup');
  return (
    <Modal
      title={title}
      role="alertdialog"
      onCancel={onCancel}
      // Cancel first: Enter on a freshly opened confirmation must not change anything.
      initialFocus="[data-cancel]"
      footer={
        <>
          <button type="button" className="btn btn--primary" onClick={onConfirm}>
            {confirmLabel}
          </button>
          <button type="button" className="btn" data-cancel onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
