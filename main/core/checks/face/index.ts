// The XS4 Face checks, in the order a run shows them.
import type { Check } from '../types';
import { faceReachableCheck } from './face-reachable';
import { faceSignedInCheck } from './face-signed-in';
import { faceSpaceIntegrationCheck } from './face-space-integration';
import { enrollmentCompanyNameCheck } from './enrollment-company-name';
import { enrollmentPrivacyPolicyCheck } from './enrollment-privacy-policy';

/** Each check keeps its own evidence type; a runner validates evidence with evidenceSchema before evaluate. */
export const faceChecks: ReadonlyArray<Check<unknown>> = [
  faceReachableCheck,
  faceSignedInCheck,
  faceSpaceIntegrationCheck,
  enrollmentCompanyNameCheck,
  enrollmentPrivacyPolicyCheck,
] as unknown as ReadonlyArray<Check<unknown>>;

export {
  faceReachableCheck,
  faceSignedInCheck,
  faceSpaceIntegrationCheck,
  enrollmentCompanyNameCheck,
  enrollmentPrivacyPolicyCheck,
};
