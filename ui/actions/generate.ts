/**
 * Generate: one turn from prompt to canvas (issues 4 and 6). For an edit the selected layer is exported and sent
 * as the base image with the frame's ratio and size; when that layer is a result, the turn continues its
 * conversation as a stateless turn (core/conversation-context.ts): the earlier prompts of its chain are summarised
 * in the prompt and the references the chain used are sent again, within the model's image limit. For
 * text-to-image the chosen ratio and size are sent. The answer is fitted (cover-crop to the frame, ≤4096) and
 * placed by the sandbox, which writes the turn record with the SHA-1 of every image sent. Any failure, and
 * Cancel, end with the canvas untouched: nothing is placed until every earlier step has succeeded.
 *
 * A turn is built in two halves, so that N variants (ui/actions/generate-variants.ts) can wrap any request the
 * panel builds: `prepareTurnAsync` makes the request (exports, context), and its `finishAsync` turns one proxy
 * answer into a placed layer. A single Generate is prepare, one proxy call, finish.
 *
 * A single Generate on a model that signs its turns (Gemini 3) is also **live** (core/live-replay.ts,
 * docs/live-replay.md): it asks the proxy for the model's own answer (`returnModelTurn`) and keeps it in the
 * panel's memory; a later turn that continues it on the same model, in this session, with the layer unchanged,
 * replays the session's earlier turns as `history` and sends only the new instruction and references. When the
 * proxy refuses the replay (`replay_rejected`: Gemini did not take the signatures; or the request is too large),
 * the turn is sent once more stateless, at once, and that chain is forgotten. Variants and regional edits are
 * always stateless.
 */
import { batch } from '@preact/signals';
import { base64ToBytes, bytesToBase64 } from '../../core/base64.js';
import { appError } from '../../core/errors.js';
import type { PlacedResult } from '../../core/messages.js';
import type { GenerateRequest, GenerateResponse, PublicModel } from '../../core/proxy-schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import { forgetTurns, rememberTurn, replayHistory, userContent, type LiveTurn } from '../../core/live-replay.js';
import { sha1Hex } from '../../core/sha1.js';
import type { TurnInput, TurnVariant } from '../../core/turn-record.js';
import type { AppState, RunState } from '../state.js';
import type { RequestPlan } from '../request-plan.js';
import type { AppDeps } from './deps.js';
import { fitSentImagesAsync } from './fit-sent-images.js';
import { chainOfLayerAsync, editContextAsync, replayContextAsync } from './edit-context.js';
import { prepareRegionTurnAsync } from './generate-region.js';

/** What a Generate press works with. */
export interface GenerateInputs {
  model: PublicModel;
  prompt: string;
  plan: RequestPlan;
}

/** The model, prompt and plan for a Generate press, or the problem to show instead. */
export function readyToGenerate(state: AppState): Result<GenerateInputs> {
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
  if (problem || !model || !plan || !plan.ok) return fail(problem ?? appError('bad_request'));
  return ok({ model, prompt, plan: plan.value });
}

/**
 * Starts the run of a Generate press, unless the press cannot go ahead (then the problem is shown and nothing
 * starts): the run becomes the state's, the last error and result are cleared, and so is whatever `clear` clears,
 * in one batch. Returns the run with what it works with.
 */
export function startRun(deps: AppDeps, clear?: () => void): (GenerateInputs & { run: RunState }) | null {
  const { state } = deps;
  const ready = readyToGenerate(state);
  if (!ready.ok) {
    state.error.value = ready.error;
    return null;
  }
  const run: RunState = {
    startedAt: deps.now(),
    controller: new AbortController(),
    step: ready.value.plan.target ? 'exporting' : 'generating',
    estimateUsd: state.runEstimateUsd.peek(),
  };
  batch(() => {
    state.run.value = run;
    state.error.value = null;
    state.lastResult.value = null;
    clear?.();
  });
  return { ...ready.value, run };
}

/** Runs one turn unless one is already running. Resolves when it has ended, whatever the outcome. */
export async function generateAsync(deps: AppDeps): Promise<void> {
  const { state } = deps;
  if (state.run.peek()) return;
  const started = startRun(deps);
  if (!started) return;
  const { run, model, prompt, plan } = started;
  const outcome = await runTurnAsync(deps, run, model, prompt, plan);
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
  const { state } = deps;
  const signal = run.controller.signal;
  const prepared = await prepareTurnAsync(deps, signal, model, prompt, plan, { live: true });
  if (!prepared.ok) return prepared;
  setRunStep(state, run, 'generating');
  const proxy = deps.proxyFor(state.settings.peek());
  let turn = prepared.value;
  let answer = await proxy.generate(turn.request, signal);
  const { live } = turn;
  if (!answer.ok && live?.replayed && REPLAY_FALLBACK.has(answer.error.code) && !signal.aborted) {
    // Gemini (or the proxy) would not take the replayed turns: never offer that chain again, and send this turn
    // once more the stateless way, at once, so the person sees a result instead of an error.
    state.liveTurns.value = forgetTurns(state.liveTurns.peek(), live.replayed);
    const stateless = await prepareTurnAsync(deps, signal, model, prompt, plan, { live: true, replay: false });
    if (!stateless.ok) return stateless;
    turn = stateless.value;
    answer = await proxy.generate(turn.request, signal);
  }
  if (!answer.ok) return answer;
  const placed = await turn.finishAsync(answer.value, {
    signal,
    onPlacing: () => setRunStep(state, run, 'placing'),
  });
  // Keep the model's own answer for the next turn; a cached answer has none (then the next turn is stateless).
  const modelTurn = answer.value.modelTurn;
  if (placed.ok && turn.live && modelTurn) {
    const remembered: LiveTurn = {
      turnId: placed.value.record.id,
      parentTurnId: turn.live.replayed?.at(-1)?.turnId ?? null,
      model: answer.value.model,
      user: turn.live.user,
      modelTurn,
    };
    state.liveTurns.value = rememberTurn(state.liveTurns.peek(), remembered);
  }
  return placed;
}

/**
 * Refusals of a replayed request after which the same turn sent stateless can succeed: Gemini refused the thought
 * signatures, or the proxy refused the replayed history (too large, too many images, an older proxy that does not
 * know `history`). Nothing was billed for any of them.
 */
const REPLAY_FALLBACK = new Set([
  'replay_rejected',
  'request_too_large',
  'image_too_large',
  'too_many_images',
  'unsupported_image',
  'bad_request',
]);

/** Moves the running Generate to `step`, unless it has ended (or been cancelled) meanwhile. */
export function setRunStep(state: AppState, run: RunState, step: RunState['step']): void {
  const current = state.run.peek();
  if (current?.controller === run.controller) state.run.value = { ...current, step };
}

/** How {@link PreparedTurn.finishAsync} is called. */
export interface FinishOptions {
  signal: AbortSignal;
  /** Which of N variants the answer is; absent for a single result. */
  variant?: TurnVariant;
  /** Called once the answer is fitted, just before it is sent to be placed (too late to cancel cleanly). */
  onPlacing?: () => void;
}

/** A turn ready to send: the request, and how to finish it once the proxy has answered. */
export interface PreparedTurn {
  /** What to send to `POST /v1/generate` (one image per call). */
  request: GenerateRequest;
  /**
   * For a live turn (it asked for `returnModelTurn`): the user content as the proxy sends it, to keep with the
   * model's answer, and the session's turns it replays (absent when it is sent stateless).
   */
  live?: { user: LiveTurn['user']; replayed?: LiveTurn[] };
  /** Fits one answer and places it as a new layer with its turn record; nothing is placed after an abort. */
  finishAsync(answer: GenerateResponse, options: FinishOptions): Promise<Result<PlacedResult>>;
}

/** How {@link prepareTurnAsync} builds the turn. */
export interface PrepareOptions {
  /**
   * A live turn (a single Generate): on a model that signs its turns, ask for the model's answer, and replay this
   * session's turns when the rule allows (core/live-replay.ts). Off for variants, which stay stateless.
   */
  live?: boolean;
  /** `false` never replays (the stateless retry after a refused replay). */
  replay?: boolean;
}

/**
 * Builds one turn's request: for an edit, exports the layer and the context of its conversation. Nothing is
 * placed and the proxy is not called yet.
 */
export async function prepareTurnAsync(
  deps: AppDeps,
  signal: AbortSignal,
  model: PublicModel,
  prompt: string,
  plan: RequestPlan,
  how: PrepareOptions = {},
): Promise<Result<PreparedTurn>> {
  const request: GenerateRequest = { model: model.id, prompt, aspectRatio: plan.aspectRatio };
  if (plan.sendImageSize) request.imageSize = plan.imageSize;

  const { target } = plan;
  // A shape drawn over the frame: a regional edit (issue 7), composited back through the shape.
  if (target && plan.inputs.region) return prepareRegionTurnAsync(deps, signal, model, prompt, plan);
  // Only models that sign their turns need (and get) replay; others keep the stateless turn they always had.
  const live = how.live === true && model.thoughtSignatures === true;
  let inputs: TurnInput[] = [];
  let replayed: LiveTurn[] | undefined;
  if (target) {
    const chain = await chainOfLayerAsync(deps, target.id);
    const replay =
      live && how.replay !== false
        ? await replayContextAsync(deps, model, prompt, plan, target, chain)
        : ok({ stateless: 'not a live turn' });
    if (!replay.ok) return replay;
    const replayContext = 'replay' in replay.value ? replay.value.replay : null;
    const context = replayContext
      ? ok(replayContext)
      : await editContextAsync(deps, model, prompt, plan, target.id, chain);
    if (!context.ok) return context;
    const sent = await fitSentImagesAsync(deps, context.value.images);
    if (!sent.ok) return sent;
    if (signal.aborted) return fail(appError('cancelled'));
    request.prompt = context.value.prompt;
    request.images = sent.value.map((image) => ({
      data: bytesToBase64(image.bytes),
      mimeType: 'image/png',
      role: image.role,
    }));
    // The record keeps what was sent, by layer, role and SHA-1 of the exact bytes: never the bytes themselves.
    inputs = sent.value.map((image) => ({
      nodeId: image.nodeId,
      role: image.role,
      hash: sha1Hex(image.bytes),
    }));
    if (replayContext) {
      replayed = replayContext.path;
      request.history = replayHistory(replayed);
      // The base of a replayed turn is the model's own last image, sent back in the history.
      const baseImage = replayed
        .at(-1)!
        .modelTurn.parts.filter((part) => part.inlineData && !part.thought)
        .at(-1)?.inlineData;
      inputs.push({
        nodeId: target.id,
        role: 'base',
        ...(baseImage ? { hash: sha1Hex(base64ToBytes(baseImage.data)) } : {}),
      });
    }
  }
  if (live) request.returnModelTurn = true;
  const liveInfo = live
    ? { user: userContent(request.images ?? [], request.prompt), ...(replayed ? { replayed } : {}) }
    : undefined;

  const finishAsync = async (answer: GenerateResponse, options: FinishOptions): Promise<Result<PlacedResult>> => {
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(answer.image.data);
    } catch {
      return fail(appError('unsupported_image', 'The proxy sent an image that could not be read. Try again.'));
    }
    const fitted = await deps.fitImage(
      bytes,
      answer.image.mimeType,
      target ? { width: target.width, height: target.height, scale: plan.exportScale } : null,
    );
    if (!fitted.ok) return fitted;
    if (options.signal.aborted) return fail(appError('cancelled'));

    options.onPlacing?.();
    return deps.bridge.request('PLACE_RESULT', {
      image: fitted.value.bytes,
      sourceNodeId: target?.id ?? null,
      // Keep text editable (issue 7): a copy of the frame with its text live on top of the image.
      ...(plan.inputs.keepText ? { liveText: true } : {}),
      turn: {
        prompt,
        model: answer.model,
        params: { aspectRatio: plan.aspectRatio, imageSize: plan.imageSize },
        inputs,
        ...(options.variant ? { variant: options.variant } : {}),
        usage: { ...answer.usage, ...(answer.cached ? { cached: true } : {}) },
      },
    });
  };
  return ok({ request, finishAsync, ...(liveInfo ? { live: liveInfo } : {}) });
}
