// The setup wizard: the list of steps (done, current, still to do) and the step on screen; resumes where the core says.
import { useEffect, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepId } from '../../contract/steps';
import { FailureNotice } from '../components/FailureNotice';
import { Icon } from '../components/Icon';
import { StepIds } from '../../contract/steps';
import { NAVIGATION_BUSY } from '../store/busy';
import { useSetupStore } from '../store/setup';
import { ConnectStep } from '../steps/ConnectStep';
import { EnrollmentStep } from '../steps/EnrollmentStep';
import { FaceRecognitionStep } from '../steps/FaceRecognitionStep';
import { InstallScriptStep } from '../steps/InstallScriptStep';
import { IntegrationsStep } from '../steps/IntegrationsStep';
import { ShipKeyStep } from '../steps/ShipKeyStep';
import { SpaceDetailsStep } from '../steps/SpaceDetailsStep';
import { SpaceSettingsStep } from '../steps/SpaceSettingsStep';
import type { StepProps } from '../steps/step-props';
import { SummaryStep } from '../steps/SummaryStep';
import { VerifyStep } from '../steps/VerifyStep';
import { WelcomeStep } from '../steps/WelcomeStep';
import './SetupWizard.css';

const STEP_VIEWS: Record<StepId, ComponentType<StepProps>> = {
  welcome: WelcomeStep,
  connect: ConnectStep,
  integrations: IntegrationsStep,
  spaceDetails: SpaceDetailsStep,
  shipKey: ShipKeyStep,
  installScript: InstallScriptStep,
  spaceSettings: SpaceSettingsStep,
  faceRecognition: FaceRecognitionStep,
  enrollment: EnrollmentStep,
  verify: VerifyStep,
  summary: SummaryStep,
};

export function SetupWizard({ onTroubleshoot }: StepProps): ReactElement {
  const { t } = useTranslation('setup');
  const loaded = useSetupStore((s) => s.loaded);
  const step = useSetupStore((s) => s.step);
  const progress = useSetupStore((s) => s.progress);
  const busy = useSetupStore((s) => s.busy);
  const error = useSetupStore((s) => s.error);
  const load = useSetupStore((s) => s.load);
  const goTo = useSetupStore((s) => s.goTo);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  if (!loaded) {
    return (
      <div className="view">
        <p role="status" className="muted">
          {t('wizard.loading')}
        </p>
      </div>
    );
  }
  if (progress === null && error !== null) {
    return (
      <div className="view">
        <FailureNotice error={error} />
      </div>
    );
  }

  const View = STEP_VIEWS[step];
  const done = progress?.done ?? {};
  const index = StepIds.indexOf(step);
  // Only a move between steps holds the list: a step's load or a long operation elsewhere does not.
  const navigating = busy !== null && NAVIGATION_BUSY.includes(busy);
  return (
    <div className="view">
      <div className="wizard">
        <nav className="wizard__steps" aria-label={t('wizard.stepsLabel')}>
          <p className="wizard__count">{t('wizard.stepOf', { n: index + 1, total: StepIds.length })}</p>
          <ol>
            {StepIds.map((id, i) => {
              const isDone = done[id] !== undefined;
              const isCurrent = id === step;
              // Every step up to the furthest one reached stays reachable after going back (each before it is done, or
              // it is at or before the one shown); a step no one reached yet cannot be skipped to.
              const reachable =
                isDone || i <= index || StepIds.slice(0, i).every((before) => done[before] !== undefined);
              return (
                <li
                  key={id}
                  className={`wstep${isCurrent ? ' wstep--current' : ''}${isDone ? ' wstep--done' : ''}`}
                >
                  <button
                    type="button"
                    // Where the list shows numbers only (narrow windows), the name is the tooltip.
                    title={t(`nav.${id}`)}
                    aria-current={isCurrent ? 'step' : undefined}
                    disabled={!reachable || navigating}
                    onClick={() => void goTo(id)}
                  >
                    <span className="wstep__mark" aria-hidden="true">
                      {isDone ? <Icon name="check" /> : i + 1}
                    </span>
                    <span className="wstep__name">{t(`nav.${id}`)}</span>
                    {isDone && <span className="sr-only">{t('wizard.done')}</span>}
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="wizard__content">
          <View onTroubleshoot={onTroubleshoot} />
        </div>
      </div>
    </div>
  );
}
