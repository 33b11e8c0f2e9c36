// Check enrollment.company-name: the company users see on first access to the Enrollment Service is filled in and not a placeholder.
import { z } from 'zod';
import { text } from '../../../../contract/text';
import type { Check, CheckResult } from '../types';
import {
  AttemptErrorSchema,
  attemptError,
  attemptWords,
  faceClientFor,
  targetFor,
} from './face-check-context';
import { PLACEHOLDER_COMPANY_NAMES } from './biometric-words';

export const CompanyNameEvidenceSchema = z.object({
  companyName: z.string().nullable(),
  error: AttemptErrorSchema.nullable(),
});
export type CompanyNameEvidence = z.infer<typeof CompanyNameEvidenceSchema>;

export function evaluateCompanyName(e: CompanyNameEvidence): CheckResult {
  if (e.error) {
    const words = attemptWords(e.error);
    return {
      status: 'fail',
      code: e.error.code,
      summary: text('checks.enrollment.company-name.unreadable.summary'),
      detail: words.message,
      remedy: words.remedy,
    };
  }
  const name = (e.companyName ?? '').trim();
  if (name === '')
    return {
      status: 'fail',
      code: 'ENROLLMENT_COMPANY_EMPTY',
      summary: text('checks.enrollment.company-name.empty.summary'),
      remedy: text('checks.enrollment.company-name.empty.remedy'),
    };
  if (PLACEHOLDER_COMPANY_NAMES.includes(name.toLowerCase())) {
    return {
      status: 'warn',
      code: 'ENROLLMENT_COMPANY_PLACEHOLDER',
      summary: text('checks.enrollment.company-name.placeholder.summary', { name }),
      remedy: text('checks.enrollment.company-name.placeholder.remedy'),
    };
  }
  return {
    status: 'pass',
    summary: text('checks.enrollment.company-name.set.summary', { name }),
    detail: text('checks.enrollment.company-name.set.detail'),
  };
}

export const enrollmentCompanyNameCheck: Check<CompanyNameEvidence> = {
  id: 'enrollment.company-name',
  title: text('checks.enrollment.company-name.title'),
  dependsOn: ['face.signed-in'],
  startWithDependencies: true,
  evidenceSchema: CompanyNameEvidenceSchema,
  async collect(ctx) {
    const client = faceClientFor(ctx);
    try {
      const en = await client.getEnrollment(await targetFor(ctx, client));
      return { companyName: en.companyName, error: null };
    } catch (e) {
      return { companyName: null, error: attemptError(e) };
    }
  },
  evaluate: evaluateCompanyName,
};
