// The one spawn seam for the elevated runner: the real launcher starts powershell.exe; tests pass a stand-in child.
import { spawn } from 'node:child_process';

export interface LaunchedProcess {
  /** Resolves with the exit code (null when killed by a signal); rejects when the process could not be started. */
  exited: Promise<number | null>;
  kill(): void;
}

export type ProcessLauncher = (file: string, args: readonly string[]) => LaunchedProcess;

/** Starts a process with no console window and no pipes (elevated output cannot be piped back anyway). */
export const spawnLauncher: ProcessLauncher = (file, args) => {
  const child = spawn(file, [...args], { windowsHide: true, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  return { exited, kill: () => void child.kill() };
};
