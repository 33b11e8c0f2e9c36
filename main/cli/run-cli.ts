// Dispatches `xs4-setup <command> …` and turns every error into one line on stderr and an exit code.
import { toErrorInfo } from '../core/errors';
import { usageError } from './args';
import { collect } from './commands/collect';
import { doctor } from './commands/doctor';
import { history } from './commands/history';
import { report } from './commands/report';
import { setup } from './commands/setup';
import { exportProfileCommand } from './commands/export-profile';
import { login, logout } from './commands/login';
import type { CliContext } from './context';
import { EXIT_OK, exitCodeOf } from './exit-codes';
import { helpText } from './help';
import { clean } from './terminal';
import { TOOL_VERSION } from './version';
import { say, sayError, takeLanguage } from './say';
import { text } from '../../contract/text';

const COMMANDS: Record<string, (argv: readonly string[], ctx: CliContext) => Promise<number>> = {
  doctor,
  collect,
  report,
  history,
  setup,
  'export-profile': exportProfileCommand,
  login,
  logout,
};

export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  try {
    const [command, ...rest] = takeLanguage(argv);
    if (command === 'help' || command === '--help' || command === '-h') {
      ctx.io.stdout.write(helpText());
      return EXIT_OK;
    }
    if (command === '--version') {
      ctx.io.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    }
    const commands = Object.keys(COMMANDS).join(', ');
    if (command === undefined) throw usageError(text('cli.usage.commandRequired', { commands }));
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run)
      throw usageError(
        /^[a-z-]{1,30}$/.test(command)
          ? text('cli.usage.unknownCommand', { command, commands })
          : text('cli.usage.unknownCommandUnprintable', { commands }),
      );
    return await run(rest, ctx);
  } catch (e) {
    const info = toErrorInfo(e);
    // One line: the message names the problem; the code lets scripts tell problems apart.
    const { message, remedy } = sayError(info);
    ctx.io.stderr.write(`xs4-setup: ${clean(message)} [${info.code}]\n`);
    // A sign-in problem (e.g. a revoked saved sign-in met by doctor or setup) needs its remedy: sign in again.
    if (info.code.startsWith('AUTH_'))
      ctx.io.stderr.write(`  ${say(text('cli.whatToDo'))} ${clean(remedy)}\n`);
    return exitCodeOf(e);
  }
}
