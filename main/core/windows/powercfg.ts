// Language-independent parsers for powercfg output: they read setting GUIDs, indentation and hex values, never the translated labels.

export const POWER_GUIDS = {
  SUB_SLEEP: '238c9fa8-0aad-41ed-83f4-97be242c8f20',
  STANDBYIDLE: '29f6c1db-86da-48c5-9fdb-f2b67b1f44da',
  HIBERNATEIDLE: '9d7815a6-7ee4-497e-8888-515a05f02364',
  HYBRIDSLEEP: '94ac6d29-73ce-41a6-809f-6363ba21b47e',
  UNATTENDEDSLEEP: '7bc4a2f9-d8fc-4469-b07b-33eb785aaca0',
} as const;

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const HEX_VALUE = /:\s*0x([0-9a-f]{1,8})\s*$/i;

export interface PowerSettingValue {
  /** Current AC index, or null when the line was missing or unreadable. */
  ac: number | null;
  dc: number | null;
}

export interface PowercfgQuery {
  schemeGuid: string | null;
  subgroupGuid: string | null;
  /** By lower-case setting GUID. */
  settings: Record<string, PowerSettingValue>;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * Parses `powercfg /query <scheme> SUB_SLEEP`: the first GUID line is the scheme, the SUB_SLEEP GUID is the subgroup,
 * every other GUID line opens a setting. Inside a setting, hex lines at the setting's own indentation are the current
 * AC then DC index (in every sample AC comes first); deeper-indented hex lines are the range metadata.
 */
export function parsePowercfgQuery(text: string): PowercfgQuery {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: PowercfgQuery = { schemeGuid: null, subgroupGuid: null, settings: {} };
  let current: { guid: string; indent: number; values: number[] } | null = null;
  const close = (): void => {
    if (current)
      out.settings[current.guid] = { ac: current.values[0] ?? null, dc: current.values[1] ?? null };
    current = null;
  };
  for (const line of lines) {
    const guid = GUID.exec(line)?.[0]?.toLowerCase();
    if (guid !== undefined) {
      // Known subgroups are recognised by GUID, so output truncated at the top cannot shift the roles.
      if (guid === POWER_GUIDS.SUB_SLEEP) {
        close();
        out.subgroupGuid = guid;
        continue;
      }
      if (
        out.schemeGuid === null &&
        out.subgroupGuid === null &&
        Object.keys(out.settings).length === 0 &&
        current === null
      ) {
        out.schemeGuid = guid;
        continue;
      }
      close();
      current = { guid, indent: indentOf(line), values: [] };
      continue;
    }
    if (!current) continue;
    const hex = HEX_VALUE.exec(line);
    if (hex?.[1] !== undefined && indentOf(line) <= (current as { indent: number }).indent) {
      (current as { values: number[] }).values.push(Number.parseInt(hex[1], 16));
    }
  }
  close();
  return out;
}

/** The GUID of `powercfg /getactivescheme` output, or null. */
export function parseActiveScheme(text: string): string | null {
  return GUID.exec(text)?.[0]?.toLowerCase() ?? null;
}

export interface SleepStatesReport {
  /** Lines under the first heading (the states Windows offers). */
  available: string[];
  /** Lines under the second heading, with their indented reasons joined. */
  unavailable: string[];
}

/**
 * Parses `powercfg /a` by layout: headings are not indented, states are indented once, reasons deeper.
 * Returns null when the layout is not there (empty, truncated to nothing, garbage).
 */
export function parseSleepStates(text: string): SleepStatesReport | null {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim().length > 0);
  const sections: Array<{ items: Array<{ indent: number; text: string }> }> = [];
  for (const line of lines) {
    const indent = indentOf(line);
    if (indent === 0) sections.push({ items: [] });
    else sections.at(-1)?.items.push({ indent, text: line.trim() });
  }
  if (sections.length === 0 || sections.length > 2 || sections[0]?.items.length === 0) return null;
  const states = (items: Array<{ indent: number; text: string }>): string[] => {
    if (items.length === 0) return [];
    const stateIndent = Math.min(...items.map((i) => i.indent));
    const out: string[] = [];
    for (const i of items) {
      if (i.indent === stateIndent) out.push(i.text);
      else if (out.length > 0) out[out.length - 1] += ` — ${i.text}`;
    }
    return out;
  };
  return { available: states(sections[0]?.items ?? []), unavailable: states(sections[1]?.items ?? []) };
}
