// Step "Enrollment Service": the company name and privacy policy URL, checked first, then written to XS4 Face and read back.
import { AppError } from '../../errors';
import { text } from '../../../../contract/text';
import { parse } from '../../parse';
import {
  EnrollmentSettingsSchema,
  type CheckView,
  type EnrollmentSaveResult,
  type EnrollmentSettings,
} from '../../../../contract/setup-shapes';
import type { Check } from '../../checks/types';
import { collectPolicyAt } from '../../checks/face/enrollment-privacy-policy';
import { ownDeadlineMs } from '../../checks/budget';
import type { OperationHooks, SetupService } from '../service';
import { unsentIfCancelled } from '../pending-writes';
import { sendWrite } from '../write-step';
import { faceSession, type SetupContext } from '../context';
import { runWith } from './checks';

const COMPANY_CHECK = 'enrollment.company-name';
const POLICY_CHECK = 'enrollment.privacy-policy';

/** What XS4 Face holds; null while both fields are empty (never set). */
export async function readEnrollment(ctx: SetupContext): Promise<EnrollmentSettings | null> {
  const { client, target } = await faceSession(ctx);
  const e = await client.getEnrollment(target);
  return e.companyName === '' && e.privacyPolicyUrl === ''
    ? null
    : { companyName: e.companyName, privacyPolicyUrl: e.privacyPolicyUrl };
}

/**
 * The Enrollment Service checks run on the values about to be written instead of those XS4 Face holds: the same
 * evaluation (the same verdicts as doctor later), evidence collected from `wanted`. Nothing is written here.
 */
async function checkBeforeSaving(
  ctx: SetupContext,
  wanted: EnrollmentSettings,
  hooks: OperationHooks,
): Promise<CheckView[]> {
  const registered = (id: string): Check => {
    const check = ctx.checks().find((c) => c.id === id);
    if (!check) throw new AppError('INTERNAL', { variant: 'checkMissing', params: { id } });
    return check;
  };
  const company = registered(COMPANY_CHECK);
  const policy = registered(POLICY_CHECK);
  // Their dependencies read XS4 Face; the values checked here come from the technician, so they stand alone.
  const onWanted: Check[] = [
    {
      ...company,
      dependsOn: [],
      collect: () => Promise.resolve({ companyName: wanted.companyName, error: null }),
    },
    {
      ...policy,
      dependsOn: [],
      collect: (c) =>
        collectPolicyAt(wanted.privacyPolicyUrl, c.inputs.extraCa, ownDeadlineMs(c.timeoutMs), c.signal),
    },
  ];
  const { views } = await runWith(ctx, onWanted, hooks);
  if (hooks.signal?.aborted) throw new AppError('CANCELLED');
  return views;
}

export function enrollmentSteps(ctx: SetupContext): Pick<SetupService, 'getEnrollment' | 'saveEnrollment'> {
  return {
    getEnrollment: () => readEnrollment(ctx),
    async saveEnrollment({ acceptFailingPolicy, ...settings }, hooks = {}): Promise<EnrollmentSaveResult> {
      return unsentIfCancelled(async () => {
        const wanted = parse(EnrollmentSettingsSchema, settings, '');
        const { client, target } = await faceSession(ctx, hooks);
        const before = await client.getEnrollment(target);
        // Check before writing: a policy users cannot open (or that says nothing of biometric data) is not saved
        // unless the technician decides so with the failure in front of them.
        hooks.onStage?.('checkingPolicy');
        hooks.onProgress?.(text('setup.progress.checkingPolicy', { url: wanted.privacyPolicyUrl }), null);
        const checks = await checkBeforeSaving(ctx, wanted, hooks);
        const failing = checks.find((c) => c.id === POLICY_CHECK && c.status === 'fail');
        if (failing !== undefined && acceptFailingPolicy !== true) return { saved: false, checks };
        hooks.onProgress?.(text('setup.progress.savingEnrollment'), null);
        const enrollment = await sendWrite<EnrollmentSettings>(ctx, hooks, {
          // Sends the write (or, resuming, waits for it), reads it back and records it.
          async write(face, resume) {
            const applied = await face.updateEnrollment(target, wanted, resume);
            const facts = { company: applied.value.companyName, url: applied.value.privacyPolicyUrl };
            await ctx.record({
              kind: 'face-write',
              target: 'face:enrollment',
              before,
              after: applied.value,
              result: {
                ok: true,
                summary:
                  failing === undefined
                    ? text('setup.history.enrollment', facts)
                    : text('setup.history.enrollmentFailingKept', { ...facts, failure: failing.summary }),
              },
            });
            return {
              companyName: applied.value.companyName,
              privacyPolicyUrl: applied.value.privacyPolicyUrl,
            };
          },
          finished: (enrollment) => ({ write: 'enrollment', enrollment }),
        });
        return { saved: true as const, enrollment, checks };
      });
    },
  };
}
