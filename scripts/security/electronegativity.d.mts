// Types for scripts/security/electronegativity.mjs.
export interface Finding {
  id: string;
  file: string;
  location: string;
  severity: string;
  confidence: string;
  sample: string;
  description: string;
}
export interface BaselineEntry {
  id: string;
  file: string;
  sample?: string;
  justification: string;
}
export declare const BASELINE: string;
export declare const SCANNED: string[];
export declare function matchBaseline(
  findings: Finding[],
  baseline: BaselineEntry[],
): { unjustified: Finding[]; stale: BaselineEntry[]; problems: string[] };
export declare function scan(
  root: string,
  electronVersion: string,
): Promise<{ findings: Finding[]; parseErrors: string[]; checks: number }>;
