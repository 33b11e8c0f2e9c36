// Step "Enrollment Service": the company name and privacy policy URL, written to XS4 Face and read back.
import { parse } from '../../parse';
import { EnrollmentSettingsSchema, type EnrollmentSettings } from '../../../../contract/setup-shapes';
import type { SetupService } from '../service';
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
    async saveEnrollment(settings) {
      const wanted = parse(EnrollmentSettingsSchema, settings, '');
      const { client, target } = await faceSession(ctx);
      const before = await client.getEnrollment(target);
      const applied = await client.updateEnrollment(target, wanted);
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
    },
  };
}
