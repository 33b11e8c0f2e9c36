// `xs4-setup export-profile --out FILE.json`: the site's non-secret settings as a profile that `setup --profile` takes elsewhere.
import { text } from '../../../contract/text';
import { AppError } from '../../core/errors';
import { exportProfile } from '../../core/profile/site-profile';
import { parseFlags, stringFlag, usageError } from '../args';
import type { CliContext } from '../context';
import { FACE_TOKEN, readSecret } from '../secrets';
import { clean } from '../terminal';
import { EXIT_OK } from '../exit-codes';
import { say } from '../say';

export const EXPORT_PROFILE_FLAGS = {
  out: 'string',
  'face-token-file': 'string',
  'face-token-stdin': 'boolean',
} as const;

export async function exportProfileCommand(argv: readonly string[], ctx: CliContext): Promise<number> {
  const flags = parseFlags(argv, EXPORT_PROFILE_FLAGS, 'export-profile');
  const out = stringFlag(flags, 'out');
  if (out === undefined) throw usageError(text('cli.usage.exportProfileOut'));
  if (!ctx.setup) throw new AppError('SETUP_NOT_AVAILABLE', { params: { command: 'export-profile' } });
  const service = await ctx.setup({});
  // With a token, what XS4 Face holds (Space Server Details, Enrollment Service) is included too.
  const token = await readSecret(FACE_TOKEN, flags, ctx.io);
  if (token !== undefined) {
    const url = (await service.siteProfile()).profile.faceUrl;
    if (url) await service.connectFace(url, token);
  }
  const { profile, leftOut } = await service.siteProfile();
  await exportProfile(out, profile);
  const fields = Object.keys(profile).filter((k) => k !== 'format' && k !== 'version');
  ctx.io.stdout.write(
    `${clean(
      say(
        fields.length > 0
          ? text('cli.exportProfile.wrote', { file: out, fields: fields.join(', ') })
          : text('cli.exportProfile.wroteEmpty', { file: out }),
      ),
    )}\n`,
  );
  for (const l of leftOut)
    ctx.io.stdout.write(`  ${clean(say(text('cli.exportProfile.leftOut', { what: l })))}\n`);
  return EXIT_OK;
}
