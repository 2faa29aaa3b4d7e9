/**
 * Generate: one turn from prompt to canvas (issues 4 and 6). For an edit the selected layer is exported and sent
 * as the base image with the frame's ratio and size; when that layer is a result, the turn continues its
 * conversation as a stateless turn (core/conversation-context.ts): the earlier prompts of its chain are summarised
 * in the prompt and the references the chain used are sent again, within the model's image limit. For
 * text-to-image the chosen ratio and size are sent. The answer is fitted (cover-crop to the frame, ≤4096) and
 * placed by the sandbox, which writes the turn record with the SHA-1 of every image sent. Any failure, and
 * Cancel, end with the canvas untouched: nothing is placed until every earlier step has succeeded.
 */
import { batch } from '@preact/signals';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { buildTurnContext, carriedReferences } from '../../core/conversation-context.js';
import { appError } from '../../core/errors.js';
import { buildHistoryGraph, chainOf, turnOfNode } from '../../core/history-graph.js';
import type { ImageRole } from '../../core/image-sizes.js';
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateRequest, PublicModel } from '../../core/proxy-schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import { sha1Hex } from '../../core/sha1.js';
import type { TurnInput } from '../../core/turn-record.js';
import type { RequestPlan } from '../request-plan.js';
import type { RunState } from '../state.js';
import type { AppDeps } from './deps.js';

/** An image to send: the layer it was exported from, its role and its PNG bytes. */
interface SentImage {
  nodeId: string;
  role: ImageRole;
  bytes: Uint8Array;
}

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
  const outcome = await runTurnAsync(deps, run, model, prompt, plan.value);
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
  model: PublicModel,
  prompt: string,
  plan: RequestPlan,
): Promise<Result<PlacedResult>> {
  const { state, bridge } = deps;
  const signal = run.controller.signal;
  const setStep = (step: RunState['step']): void => {
    const current = state.run.peek();
    if (current?.controller === run.controller) state.run.value = { ...current, step };
  };
  const request: GenerateRequest = { model: model.id, prompt, aspectRatio: plan.aspectRatio };
  if (plan.sendImageSize) request.imageSize = plan.imageSize;

  const { target } = plan;
  let inputs: TurnInput[] = [];
  if (target) {
    const context = await editContextAsync(deps, model, prompt, plan, target.id);
    if (!context.ok) return context;
    if (signal.aborted) return fail(appError('cancelled'));
    request.prompt = context.value.prompt;
    request.images = context.value.images.map((image) => ({
      data: bytesToBase64(image.bytes),
      mimeType: 'image/png',
      role: image.role,
    }));
    // The record keeps what was sent, by layer, role and SHA-1 of the exact bytes: never the bytes themselves.
    inputs = context.value.images.map((image) => ({
      nodeId: image.nodeId,
      role: image.role,
      hash: sha1Hex(image.bytes),
    }));
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
      inputs,
      usage: { ...answer.value.usage, ...(answer.value.cached ? { cached: true } : {}) },
    },
  });
}

/**
 * The prompt and images of an edit of `targetId`: read the page's history afresh (the sandbox may have changed
 * since the panel last looked), summarise the chain of the target's turn, export the base and the references the
 * chain used, and fit them to the model. A reference layer that cannot be exported any more is left out; the base
 * must export.
 */
async function editContextAsync(
  deps: AppDeps,
  model: PublicModel,
  instruction: string,
  plan: RequestPlan,
  targetId: string,
): Promise<Result<{ prompt: string; images: SentImage[] }>> {
  const { state, bridge } = deps;
  const history = await bridge.request('READ_HISTORY', {});
  if (history.ok) state.history.value = history.value;
  const graph = buildHistoryGraph(history.ok ? history.value.entries : []);
  const turn = turnOfNode(graph, targetId);
  const chain = turn ? chainOf(graph, turn.id).turns.map((t) => t.record) : [];
  const references: SentImage[] = [];
  for (const carried of carriedReferences(chain, new Set([targetId]))) {
    const exported = await bridge.request('EXPORT_NODE', { nodeId: carried.nodeId, maxSide: plan.maxSide });
    if (exported.ok) references.push({ nodeId: carried.nodeId, role: carried.role, bytes: exported.value.bytes });
  }
  const exported = await bridge.request('EXPORT_NODE', { nodeId: targetId, maxSide: plan.maxSide });
  if (!exported.ok) return exported;
  const context = buildTurnContext<SentImage>({
    instruction,
    earlier: chain.map((record) => record.prompt),
    base: { nodeId: targetId, role: 'base', bytes: exported.value.bytes },
    references,
    maxInputImages: model.maxInputImages,
  });
  return ok({ prompt: context.prompt, images: context.images });
}
