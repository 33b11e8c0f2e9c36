// Step "Enrollment Service": the company name and privacy policy URL, written to XS4 Face and read back.
import { parse } from '../../parse';
import { EnrollmentSettingsSchema, type EnrollmentSettings } from '../../../../contract/setup-shapes';
import type { OperationHooks, SetupService } from '../service';
import type { Resume } from '../../face/face-client';
import { pendingAware, unsentIfCancelled } from '../pending-writes';
import { faceSession, type SetupContext } from '../context';

/** What XS4 Face holds; null while both fields are empty (never set). */
export async function readEnrollment(ctx: SetupContext): Promise<EnrollmentSettings | null> {
  const { client, target } = await faceSession(ctx);
  const e = await client.getEnrollment(target);
  return e.companyName === '' && e.privacyPolicyUrl === ''
    ? null
    : { companyName: e.companyName, privacyPolicyUrl: e.privacyPolicyUrl };
}

export function enrollmentSteps(ctx: SetupContext): Pick<SetupService, 'getEnrollment' | 'saveEnrollment'> {
  return {
    getEnrollment: () => readEnrollment(ctx),
    async saveEnrollment(settings, hooks = {}) {
      return unsentIfCancelled(async () => {
        const wanted = parse(EnrollmentSettingsSchema, settings, '');
        const { client, target } = await faceSession(ctx, hooks);
        const before = await client.getEnrollment(target);
        /** Sends the write (or, resuming, waits for it), reads it back and records it. */
        const write = async (h: OperationHooks, resume?: Resume): Promise<EnrollmentSettings> => {
          const session = await faceSession(ctx, h);
          const applied = await session.client.updateEnrollment(target, wanted, resume);
          await ctx.record({
            kind: 'face-write',
            target: 'face:enrollment',
            before,
            after: applied.value,
            result: {
              ok: true,
              summary: `Enrollment Service: company "${applied.value.companyName}", privacy policy ${applied.value.privacyPolicyUrl}`,
            },
          });
          return { companyName: applied.value.companyName, privacyPolicyUrl: applied.value.privacyPolicyUrl };
        };
        return pendingAware(
          ctx.pendingWrites,
          hooks,
          (h) => write(h),
          async (h, resume) => ({
            write: 'enrollment',
            enrollment: await write(h, resume),
          }),
        );
      });
    },
  };
}
