/**
 * Generate: one turn from prompt to canvas (issue 4). For an edit the selected layer is exported and sent as
 * the base image with the frame's ratio and size; for text-to-image the chosen ratio and size are sent. The
 * answer is fitted (cover-crop to the frame, ≤4096) and placed by the sandbox. Any failure, and Cancel, end with
 * the canvas untouched: nothing is placed until every earlier step has succeeded.
 */
import { batch } from '@preact/signals';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { appError } from '../../core/errors.js';
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateRequest } from '../../core/proxy-schema.js';
import { fail, type Result } from '../../core/result.js';
import type { RequestPlan } from '../request-plan.js';
import type { RunState } from '../state.js';
import type { AppDeps } from './deps.js';

/** Runs one turn unless one is already running. Resolves when it has ended, whatever the outcome. */
export async function generateAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const prompt = state.prompt.peek().trim();
  const model = state.model.peek();
  const plan = state.plan.peek();
  const problem = !prompt
    ? appError('bad_request', 'Type a prompt first.')
    : !model
      ? appError('unknown_model', 'No model is available. Check the proxy URL and token in Settings.')
      : state.mode.peek() === 'multiple'
        ? appError('bad_request', 'Select one layer to edit it, or nothing to generate a new image.')
        : plan && !plan.ok
          ? plan.error
          : null;
  if (problem || !model || !plan || !plan.ok) {
    state.error.value = problem ?? appError('bad_request');
    return;
  }

  const run: RunState = {
    startedAt: deps.now(),
    controller: new AbortController(),
    step: plan.value.target ? 'exporting' : 'generating',
  };
  batch(() => {
    state.run.value = run;
    state.error.value = null;
    state.lastResult.value = null;
  });
  const outcome = await runTurnAsync(deps, run, model.id, prompt, plan.value);
  // A cancelled run has already been reported and cleared by cancelRun; say nothing more about it.
  if (run.controller.signal.aborted || state.run.peek()?.controller !== run.controller) return;
  batch(() => {
    state.run.value = null;
    if (outcome.ok) state.lastResult.value = outcome.value;
    else state.error.value = outcome.error;
  });
}

async function runTurnAsync(
  deps: AppDeps,
  run: RunState,
  modelId: string,
  prompt: string,
  plan: RequestPlan,
): Promise<Result<PlacedResult>> {
  const { state, bridge } = deps;
  const signal = run.controller.signal;
  const setStep = (step: RunState['step']): void => {
    const current = state.run.peek();
    if (current?.controller === run.controller) state.run.value = { ...current, step };
  };
  const request: GenerateRequest = { model: modelId, prompt, aspectRatio: plan.aspectRatio };
  if (plan.sendImageSize) request.imageSize = plan.imageSize;

  const { target } = plan;
  if (target) {
    const exported = await bridge.request('EXPORT_NODE', { nodeId: target.id, maxSide: plan.maxSide });
    if (!exported.ok) return exported;
    request.images = [{ data: bytesToBase64(exported.value.bytes), mimeType: 'image/png', role: 'base' }];
    if (signal.aborted) return fail(appError('cancelled'));
    setStep('generating');
  }

  const answer = await deps.proxyFor(state.settings.peek()).generate(request, signal);
  if (!answer.ok) return answer;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(answer.value.image.data);
  } catch {
    return fail(appError('unsupported_image', 'The proxy sent an image that could not be read. Try again.'));
  }
  const fitted = await deps.fitImage(
    bytes,
    answer.value.image.mimeType,
    target ? { width: target.width, height: target.height } : null,
  );
  if (!fitted.ok) return fitted;
  if (signal.aborted) return fail(appError('cancelled'));

  setStep('placing');
  return bridge.request('PLACE_RESULT', {
    image: fitted.value.bytes,
    sourceNodeId: target?.id ?? null,
    turn: {
      prompt,
      model: answer.value.model,
      params: { aspectRatio: plan.aspectRatio, imageSize: plan.imageSize },
      inputs: target ? [{ nodeId: target.id, role: 'base' }] : [],
      usage: answer.value.usage,
    },
  });
}
