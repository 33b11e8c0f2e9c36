// The content area for the selected mode: the setup wizard, or Troubleshoot with the facts about this computer.
import type { AppInfo } from '../../contract/app';
import { useShellStore, type Mode } from '../store';
import { SystemPanel } from '../components/SystemPanel';
import { SetupWizard } from './SetupWizard';
import { Troubleshoot } from './Troubleshoot';
import './ModeView.css';

export function ModeView({ mode, info }: { mode: Mode; info: AppInfo }) {
  const setMode = useShellStore((s) => s.setMode);
  return (
    // mode--wide: the wizard has its own step list beside the content, so it needs more than the shell's 760 px.
    <article className="mode mode--wide" data-testid={`mode-${mode}`}>
      {mode === 'setup' ? (
        <SetupWizard onTroubleshoot={() => setMode('troubleshoot')} />
      ) : (
        <>
          <Troubleshoot onSetup={() => setMode('setup')} />
          <SystemPanel info={info} />
        </>
      )}
    </article>
  );
}
