// An accessible modal dialog: labelled, focus moved in on open and back on close, Tab kept inside, Escape cancels.
import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';
import './Modal.css';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  footer: ReactNode;
  /** "alert" for confirmations of changes and security decisions. */
  role?: 'dialog' | 'alertdialog';
  /** Selector of the element to focus first (default: the first focusable one). */
  initialFocus?: string;
  wide?: boolean;
}

export function Modal({
  title,
  onCancel,
  children,
  footer,
  role = 'dialog',
  initialFocus,
  wide,
}: Props): ReactElement {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = ref.current;
    const first =
      (initialFocus !== undefined ? box?.querySelector<HTMLElement>(initialFocus) : null) ??
      box?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box)?.focus();
    return () => opener?.focus();
    // Runs once per opening (empty deps on purpose): re-running on every render would steal focus from the technician.
  }, []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Tab' || ref.current === null) return;
    const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = items[0];
    const last = items[items.length - 1];
    if (first === undefined || last === undefined) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        ref={ref}
        className={`modal${wide === true ? ' modal--wide' : ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        <div className="modal__body">{children}</div>
        <div className="modal__footer">{footer}</div>
      </div>
    </div>
  );
}
