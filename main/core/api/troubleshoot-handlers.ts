// Handlers for `troubleshoot.*`: one line each onto the core's Troubleshoot service (main/core/troubleshoot/).
import type {
  TroubleshootChannel,
  TroubleshootInput,
  TroubleshootOutput,
} from '../../../contract/troubleshoot-channels';
import type { TroubleshootService } from '../troubleshoot/troubleshoot-service';

export type TroubleshootHandlers = {
  [K in TroubleshootChannel]: (input: TroubleshootInput<K>) => Promise<TroubleshootOutput<K>>;
};

export function troubleshootHandlers(t: TroubleshootService): TroubleshootHandlers {
  return {
    'troubleshoot.openBundle': ({ path }) => t.openBundle(path),
    'troubleshoot.exportReport': ({ source, path, createFolder }) =>
      t.exportReport(source, path, createFolder),
  };
}
