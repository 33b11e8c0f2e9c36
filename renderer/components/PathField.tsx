// A path field with Browse… beside it: the system's file or folder dialog (shown by the main process) fills it, and a
// typed path is read left to right in any page direction. The rule (full path) is checked by the store before a call.
import type { ComponentProps, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathPurpose } from '../../contract/dialog-channels';
import { isAbsolutePath } from '../../contract/rules/absolute-path';
import { useSetupStore } from '../store/setup';
import { TextField } from './TextField';

interface Props extends Omit<ComponentProps<typeof TextField>, 'action'> {
  /** What the dialog chooses (a .ps1 file, a folder, a report to save): the main process decides the dialog from it. */
  purpose: PathPurpose;
  /** The dialog's title. */
  dialogTitle: string;
  /** The file filter's name, for file dialogs ("PowerShell script"). */
  filterName?: string;
}

export function PathField({ purpose, dialogTitle, filterName, ...field }: Props): ReactElement {
  const { t } = useTranslation('setup');
  const choosePath = useSetupStore((s) => s.choosePath);
  const busy = useSetupStore((s) => s.busy);
  const browse = async (): Promise<void> => {
    const current = field.value.trim();
    const chosen = await choosePath({
      purpose,
      title: dialogTitle,
      ...(filterName !== undefined ? { filterName } : {}),
      // The dialog opens where the typed path points, when it is a full one.
      ...(isAbsolutePath(current) ? { defaultPath: current } : {}),
    });
    if (chosen !== null) field.onChange(chosen);
  };
  return (
    <TextField
      {...field}
      dir="ltr"
      spellCheck={false}
      action={(labelId) => (
        // Named "Browse…" and described by the field's label: a screen reader says which field it fills, and the
        // field's label stays the name of the input alone.
        <button
          type="button"
          className="btn"
          aria-describedby={labelId}
          onClick={() => void browse()}
          disabled={busy !== null}
        >
          {t('paths.browse')}
        </button>
      )}
    />
  );
}
