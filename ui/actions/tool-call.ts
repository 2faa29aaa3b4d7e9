/**
 * The steps Expand and Boost resolution share (docs/image-tools.md): one run with the tool's own estimate (so Cancel
 * says what the call may cost), one proxy call, and placing the finished image with a turn record that names the
 * tool. Nothing is placed until the image is finished; a Cancel before that leaves the canvas as it was.
 */
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import type { ImageToolName, TurnTool } from '../../core/image-tool.js';
import type { ImageSize } from '../../core/image-sizes.js';
import { appError } from '../../core/errors.js';
import type { NodeSnapshot } from '../../core/node-snapshot.js';
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateRequest, GenerateResponse } from '../../core/proxy-schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import { sha1Hex } from '../../core/sha1.js';
import { toolError } from '../../core/tool-error.js';
import type { AppDeps } from './deps.js';
import { startRun, type Run } from './run.js';

/** One tool call: the image sent, the instruction and the shape asked for. */
export interface ToolCall {
  model: string;
  prompt: string;
  image: Uint8Array;
  aspectRatio: string;
  imageSize: ImageSize;
}

/**
 * Runs `body` as the panel's run unless one is running; its outcome becomes the result or the error, in the tool's
 * words (core/tool-error.ts).
 */
export async function runToolAsync(
  deps: AppDeps,
  tool: ImageToolName,
  estimateUsd: number | null,
  body: (run: Run) => Promise<Result<PlacedResult>>,
): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const run = startRun(deps, 'exporting', undefined, estimateUsd);
  const outcome = await body(run);
  run.end(() => {
    if (outcome.ok) state.lastResult.value = outcome.value;
    else state.error.value = toolError(tool, outcome.error);
  });
}

/** The request of a tool call: one image, the instruction last (docs/architecture.md#proxy-and-gemini). */
export function toolRequest(call: ToolCall): GenerateRequest {
  return {
    model: call.model,
    prompt: call.prompt,
    images: [{ data: bytesToBase64(call.image), mimeType: 'image/png', role: 'base' }],
    aspectRatio: call.aspectRatio,
    imageSize: call.imageSize,
  };
}

/** Sends the call under `run`, and gives the answer's image bytes with the answer. */
export async function callToolAsync(
  deps: AppDeps,
  run: Run,
  call: ToolCall,
): Promise<Result<{ answer: GenerateResponse; bytes: Uint8Array }>> {
  if (run.signal.aborted) return fail(appError('cancelled'));
  run.step('generating');
  const answer = await deps.proxyFor(deps.state.settings.peek()).generate(toolRequest(call), run.signal);
  if (!answer.ok) return answer;
  try {
    return ok({ answer: answer.value, bytes: base64ToBytes(answer.value.image.data) });
  } catch {
    return fail(appError('unsupported_image', 'The proxy sent an image that could not be read. Try again.'));
  }
}

/** What placing a tool's result needs besides the image. */
export interface ToolPlacement {
  source: NodeSnapshot;
  /** The selection at the press. */
  pressedIds: string[];
  call: ToolCall;
  tool: TurnTool;
  /** The result's size in points when it is not the source's (Expand). */
  size?: { width: number; height: number };
  applyInPlace?: boolean;
  /** Keep text editable: the result is a copy of the source frame with its text live (Expand on a poster). */
  liveText?: boolean;
}

/** Places the finished image as the tool's turn; nothing after a Cancel. */
export async function placeToolAsync(
  deps: AppDeps,
  run: Run,
  image: Uint8Array,
  answer: GenerateResponse,
  placement: ToolPlacement,
): Promise<Result<PlacedResult>> {
  if (run.signal.aborted) return fail(appError('cancelled'));
  run.step('placing');
  deps.state.historyCurrent.value = false;
  const { source, call } = placement;
  const box = source.box;
  return deps.bridge.request('PLACE_RESULT', {
    image,
    sourceNodeId: source.id,
    pressedSelection: placement.pressedIds,
    ...(box && box.width > 0 && box.height > 0 ? { pressedSource: { name: source.name, box } } : {}),
    ...(placement.applyInPlace ? { applyInPlace: true } : {}),
    ...(placement.size ? { size: placement.size } : {}),
    ...(placement.liveText ? { liveText: true } : {}),
    turn: {
      prompt: call.prompt,
      model: answer.model,
      params: { aspectRatio: call.aspectRatio, imageSize: call.imageSize },
      inputs: [{ nodeId: source.id, role: 'base', hash: sha1Hex(call.image) }],
      tool: placement.tool,
      usage: { ...answer.usage, ...(answer.cached ? { cached: true } : {}) },
    },
  });
}
