/**
 * The relaunch button on result layers ([T:6178-6239]). The command must match a `relaunchButtons` entry in
 * manifest.json: `{ "command": "open", "name": "Continue in Banana Studio" }`.
 */
export const RELAUNCH_COMMAND = 'open';

/** Shown under the button in the properties panel. */
export const RELAUNCH_DESCRIPTION = 'Continue in Banana Studio';

/** Relaunch data for a result layer. */
export function relaunchData(): { [command: string]: string } {
  return { [RELAUNCH_COMMAND]: RELAUNCH_DESCRIPTION };
}
