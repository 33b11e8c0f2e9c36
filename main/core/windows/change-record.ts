// What the Windows side hands to the applied-settings history: a minimal injected callback, so this folder does not depend on main/core/history.
import type { Text } from '../../../contract/text';

export interface ChangeRecord {
  /** ISO time stamp of the change. */
  at: string;
  /** What was changed, e.g. "power.sleep", "firewall.space-port", "space.install-script". */
  target: string;
  action: 'apply' | 'undo' | 'run';
  result: 'applied' | 'failed' | 'elevation-cancelled' | 'cancelled' | 'timeout';
  /** Values before and after (never secrets; a secret appears only as `sha256:<first 8 hex>`). */
  before?: unknown;
  after?: unknown;
  /** Data an undo needs (previous values). */
  undoData?: unknown;
  /** A sentence for the history list, in the catalogs (rendered in the reader's language). */
  summary: Text;
  /** Files kept for the record, e.g. the install script transcript. */
  files?: string[];
}

export type RecordChange = (entry: ChangeRecord) => void | Promise<void>;
