// Types for scripts/security/audit.mjs.
export type AuditVerdict =
  | { status: 'unreachable'; reason: string }
  | {
      status: 'audited';
      counts: Record<string, number>;
      blocking: { name: string; severity: string; title: string }[];
    };
export declare function judgeAudit(stdout: string): AuditVerdict;
