// The frame of every wizard step: a heading that takes focus when the step appears, the XS4 Face server chosen (after
// Connect), what still runs on another step, the body, the step's write as it goes (or left pending), and Back/Continue.
// Back stays usable while a long operation runs: the technician may read other steps meanwhile.
import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetupStore } from '../store/setup';
import { NAVIGATION_BUSY } from '../store/busy';
import { BackgroundOperation } from './BackgroundOperation';
import { PendingWritePanel } from './PendingWritePanel';
import { WritePanel } from './WritePanel';
import './StepFrame.css';

interface Props {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  /** Omitted on the first step. */
  onBack?: () => void;
  /** Omitted when the step has its own primary actions only. */
  onContinue?: () => void;
  continueLabel?: string;
  continueDisabled?: boolean;
  /** Said next to a disabled Continue, so the technician knows what is missing. */
  continueHint?: string;
  /** Replaces Back/Continue with the step's own buttons. */
  footer?: ReactNode;
}

export function StepFrame({
  title,
  intro,
  children,
  onBack,
  onContinue,
  continueLabel,
  continueDisabled,
  continueHint,
  footer,
}: Props): ReactElement {
  const { t } = useTranslation('setup');
  const focusKey = useSetupStore((s) => s.focusKey);
  const busy = useSetupStore((s) => s.busy);
  const navigating = busy !== null && NAVIGATION_BUSY.includes(busy);
  const step = useSetupStore((s) => s.step);
  const choice = useSetupStore((s) => s.faceChoice);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Keyboard and screen-reader users start reading the new step at its title.
    heading.current?.focus();
  }, [focusKey]);
  return (
    <section className="step" aria-labelledby="step-title">
      <h2 id="step-title" ref={heading} tabIndex={-1} className="step__title">
        {title}
      </h2>
      {choice !== null && step !== 'welcome' && step !== 'connect' && (
        <p className="step__server" data-testid="face-choice">
          {t('connect.server.chosen', {
            site: choice.siteName ?? choice.siteId,
            server: choice.serverName ?? choice.serverId,
          })}
        </p>
      )}
      <BackgroundOperation />
      {intro !== undefined && <div className="step__intro">{intro}</div>}
      <div className="step__body">
        {children}
        <WritePanel />
        <PendingWritePanel />
      </div>
      {footer !== undefined && <div className="step__footer">{footer}</div>}
      {footer === undefined && (onBack !== undefined || onContinue !== undefined) && (
        <div className="step__footer">
          {onBack !== undefined && (
            <button type="button" className="btn" onClick={onBack} disabled={navigating}>
              {t('common.back')}
            </button>
          )}
          {onContinue !== undefined && (
            <>
              {continueDisabled === true && continueHint !== undefined && (
                <span className="step__hint">{continueHint}</span>
              )}
              <button
                type="button"
                className="btn btn--primary"
                onClick={onContinue}
                disabled={continueDisabled === true || busy !== null}
                data-continue
              >
                {continueLabel ?? t('common.continue')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
