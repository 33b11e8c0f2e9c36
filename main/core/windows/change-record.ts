// What the Windows side hands to the applied-settings history: a minimal injected callback, so this folder does not depend on main/core/history.
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
  /** A sentence for the history list. */
  summary: string;
  /** Files kept for the record, e.g. the install script transcript. */
  files?: string[];
}

export type RecordChange = (entry: ChangeRecord) => void | Promise<void>;
