// Opens a URL in the system browser from the CLI (the OS opener, no shell), for `xs4-setup login`.
import { spawn } from 'node:child_process';

function opener(platform: NodeJS.Platform, url: string): [string, string[]] {
  // rundll32's URL handler takes the URL as one argument: no cmd.exe quoting of "&" in the query.
  if (platform === 'win32') return ['rundll32.exe', ['url.dll,FileProtocolHandler', url]];
  if (platform === 'darwin') return ['open', [url]];
  return ['xdg-open', [url]];
}

export function systemBrowser(platform: NodeJS.Platform = process.platform): (url: string) => Promise<void> {
  return (url) =>
    new Promise((resolve, reject) => {
      if (!/^https:\/\//.test(url)) {
        reject(new Error('only https URLs are opened'));
        return;
      }
      const [cmd, args] = opener(platform, url);
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', reject);
      child.once('spawn', () => {
        child.unref();
        resolve();
      });
    });
}
