// The content area for the selected mode: heading, what the mode does, and the system facts.
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../preload/api';
import type { Mode } from '../store';
import { SystemPanel } from './SystemPanel';

export function ModeView({ mode, info }: { mode: Mode; info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <article className="mode" data-testid={`mode-${mode}`}>
      <h2 className="mode__heading">{t(`modes.${mode}.heading`)}</h2>
      <p className="mode__intro">{t(`modes.${mode}.intro`)}</p>
      <SystemPanel info={info} />
    </article>
  );
}
