// A status shown three ways at once — colour, icon and text — and labelled for screen readers.
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegrationStatus } from '../../contract/setup-shapes';
import { Icon, type IconName } from './Icon';
import './StatusBadge.css';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

const INTEGRATION_ICON: Record<IntegrationStatus, IconName> = {
  connected: 'check',
  unauthorized: 'lock',
  disconnected: 'unplug',
  unconfigured: 'dash',
};
const CHECK_ICON: Record<CheckStatus, IconName> = {
  pass: 'check',
  warn: 'warning',
  fail: 'cross',
  skip: 'skip',
};

type Props = { kind: 'integration'; status: IntegrationStatus } | { kind: 'check'; status: CheckStatus };

export function StatusBadge(props: Props): ReactElement {
  const { t } = useTranslation('setup');
  const icon = props.kind === 'integration' ? INTEGRATION_ICON[props.status] : CHECK_ICON[props.status];
  const text = t(`status.${props.kind}.${props.status}`);
  return (
    <span
      className={`badge badge--${props.status}`}
      role="img"
      aria-label={t('status.label', { status: text })}
      data-status={props.status}
    >
      <Icon name={icon} />
      <span aria-hidden="true">{text}</span>
    </span>
  );
}
