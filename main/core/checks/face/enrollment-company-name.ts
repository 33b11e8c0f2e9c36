// Check enrollment.company-name: the company users see on first access to the Enrollment Service is filled in and not a placeholder.
import { z } from 'zod';
import type { Check, CheckResult } from '../types';
import { AttemptErrorSchema, attemptError, faceClientFor, targetFor } from './face-check-context';
import { PLACEHOLDER_COMPANY_NAMES } from './biometric-words';

export const CompanyNameEvidenceSchema = z.object({
  companyName: z.string().nullable(),
  error: AttemptErrorSchema.nullable(),
});
export type CompanyNameEvidence = z.infer<typeof CompanyNameEvidenceSchema>;

export function evaluateCompanyName(e: CompanyNameEvidence): CheckResult {
  if (e.error)
    return {
      status: 'fail',
      code: e.error.code,
      summary: 'Could not read the Enrollment Service settings',
      detail: e.error.message,
      remedy: e.error.remedy,
    };
  const name = (e.companyName ?? '').trim();
  if (name === '')
    return {
      status: 'fail',
      code: 'ENROLLMENT_COMPANY_EMPTY',
      summary: 'No company name is set for the Enrollment Service',
      remedy: 'Enter the name of the company in charge of the site; users see it on first access.',
    };
  if (PLACEHOLDER_COMPANY_NAMES.includes(name.toLowerCase())) {
    return {
      status: 'warn',
      code: 'ENROLLMENT_COMPANY_PLACEHOLDER',
      summary: `The company name "${name}" looks like a placeholder`,
      remedy: 'Enter the real name of the company in charge of the site.',
    };
  }
  return {
    status: 'pass',
    summary: `Users will see the company name "${name}"`,
    detail: 'Confirm it is the company in charge of the site.',
  };
}

export const enrollmentCompanyNameCheck: Check<CompanyNameEvidence> = {
  id: 'enrollment.company-name',
  title: 'Enrollment Service company name',
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
