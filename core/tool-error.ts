/**
 * A one-click image tool's failure in words about that tool (docs/image-tools.md#when-a-tool-fails). The proxy words
 * a refusal for a typed prompt ("Rephrase the prompt and try again", core/errors.ts), but a tool sends its own fixed
 * instruction and has no prompt to rephrase, so for the codes that speak of the prompt the panel says what the tool
 * could not do and what the designer can change instead. The code and what Gemini may bill are kept.
 */
import type { AppError, ErrorCode } from './errors.js';
import type { ImageToolName } from './image-tool.js';

interface ToolWords {
  /** What the tool does, as "refused to …" ends. */
  doing: string;
  /** What to try after a safety block. */
  afterSafety: string;
  /** What to try after an answer with no image or a rejected request. */
  afterNoImage: string;
}

/** The tools that call Gemini (an instant adjustment never does: docs/adjustments.md). */
type GeminiTool = Exclude<ImageToolName, 'adjust'>;

const WORDS: Record<GeminiTool, ToolWords> = {
  expand: {
    doing: 'expand this image',
    afterSafety: 'Try another image, or a smaller expansion.',
    afterNoImage: 'Try again, or a smaller expansion.',
  },
  boost: {
    doing: 'boost this image’s resolution',
    afterSafety: 'Try another image.',
    afterNoImage: 'Try again, or boost to 2K instead of 4K.',
  },
  erase: {
    doing: 'erase what this shape covers',
    afterSafety: 'Try a shape over a different object, or another image.',
    afterNoImage: 'Try again, or draw the shape closer around the object.',
  },
  'remove-background': {
    doing: 'remove this image’s background',
    afterSafety: 'Try another image.',
    afterNoImage: 'Try again.',
  },
  isolate: {
    doing: 'isolate this object',
    afterSafety: 'Try another name for the object, a shape over it, or another image.',
    afterNoImage: 'Try again, or name the object differently.',
  },
};

/** The codes whose default words speak of a prompt, and so are put in the tool's words. */
const PROMPT_CODES: readonly ErrorCode[] = ['safety_blocked', 'no_image_returned', 'upstream_rejected'];

/**
 * `error` as `tool`'s: a safety block, an answer without an image or a rejected request said in the tool's words,
 * with "nothing was added"; every other error as it is. A cut-out's own words are kept (see below).
 */
export function toolError(tool: ImageToolName, error: AppError): AppError {
  if (tool === 'adjust' || !PROMPT_CODES.includes(error.code)) return error;
  // A cut-out's own words (its "found no subject", its two renders' failure: ui/actions/cut-out-renders.ts) are
  // already the tool's and are kept; proxy words that speak of a prompt are not.
  const cutOut = tool === 'remove-background' || tool === 'isolate';
  if (cutOut && !/prompt/i.test(error.message)) return error;
  const words = WORDS[tool];
  const message =
    error.code === 'safety_blocked'
      ? `Gemini’s safety filters refused to ${words.doing}, so nothing was added. ${words.afterSafety}`
      : error.code === 'no_image_returned'
        ? `Gemini answered without an image when asked to ${words.doing}, so nothing was added. ${words.afterNoImage}`
        : `Gemini rejected the request to ${words.doing}, so nothing was added. ${words.afterNoImage}`;
  return { ...error, message };
}
