/**
 * The relaunch button on result layers (docs/figma-platform.md#relaunch-buttons). The command must match a
 * `relaunchButtons` entry in manifest.json: `{ "command": "open", "name": "Continue in Banana Studio" }`. The
 * description under the button (up to 1000 characters, about three lines shown) says which turn this is and that the
 * image is AI-generated.
 */
import { truncatePrompt } from '../core/naming.js';
import type { TurnRecord } from '../core/turn-record.js';

export const RELAUNCH_COMMAND = 'open';

/** Shown under the button when there is nothing more specific to say. */
export const RELAUNCH_DESCRIPTION = 'Continue in Banana Studio';

/** Longest prompt excerpt in the description. */
const DESCRIPTION_PROMPT_CHARS = 60;

/** Relaunch data for a result layer: `Turn 3 · navy jacket · AI-generated (gemini-3.1-flash-image), SynthID`. */
export function relaunchData(
  record?: Pick<TurnRecord, 'prompt' | 'model'>,
  turn?: number,
): { [command: string]: string } {
  if (!record) return { [RELAUNCH_COMMAND]: RELAUNCH_DESCRIPTION };
  const prompt = truncatePrompt(record.prompt, DESCRIPTION_PROMPT_CHARS);
  const description = `Turn ${turn ?? 1} · ${prompt} · AI-generated (${record.model}), SynthID watermark`;
  return { [RELAUNCH_COMMAND]: description.slice(0, 1000) };
}
