/**
 * Which Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the first that exists of Debian's
 * `chromium`, other Linux names, and Chrome or Chromium on macOS. Never a downloaded browser build. Where none is
 * there, {@link ensureBrowser} installs Debian's `chromium` when it can (root with apt-get, as `.ci/run` does) or
 * stops the run at once with the one command to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser to use, or null when none is installed. `CHROMIUM_PATH` wins, but only when it exists. */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) return exists(given) ? given : null;
  return CANDIDATES.find((path) => exists(path)) ?? null;
}

/** What to run to get a browser, in one line, for this platform. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  return platform === 'darwin'
    ? 'Install Google Chrome (or Chromium), or set CHROMIUM_PATH to a Chrome or Chromium binary.'
    : 'Run: sudo apt-get install chromium fonts-dejavu-core (or set CHROMIUM_PATH to a Chrome or Chromium binary).';
}

/** A browser's path, installing Debian's `chromium` first where that is possible; throws with the hint otherwise. */
export function ensureBrowser(log: (line: string) => void): string {
  const given = process.env.CHROMIUM_PATH?.trim();
  if (given && !existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, which does not exist. ${installHint()}`);
  const found = findBrowser();
  if (found) return found;
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) throw new Error(`The browser tests need Chromium or Chrome, and none was found. ${installHint()}`);
  log("test setup: no browser found; installing Debian's chromium (apt-get)…");
  const apt = { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } } as const;
  try {
    execFileSync('apt-get', ['update', '-qq'], apt);
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'], apt);
  } catch {
    throw new Error(`Installing Debian's chromium failed. ${installHint()}`);
  }
  const installed = findBrowser();
  if (!installed)
    throw new Error(`apt-get installed chromium, but no browser is at ${CANDIDATES[0]}. ${installHint()}`);
  return installed;
}
