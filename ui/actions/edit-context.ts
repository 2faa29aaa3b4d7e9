/**
 * The prompt and images of an edit (issues 6 and 7). The page's history is read afresh (the sandbox may have
 * changed since the panel last looked) and the chain of the base's turn summarised; then, in send order:
 *
 * 1. the references the chain used (carried, so a product given at turn 1 still holds at turn 5), oldest first:
 *    these are the ones dropped first over the model's limit;
 * 2. the references selected now, with the roles the person gave them, and the pinned subject: never dropped (the
 *    plan has checked they fit the model);
 * 3. the base, last: the frame exported at its export scale (capped at what the size asked for draws), with its
 *    text hidden when Keep text editable is on.
 *
 * The prompt says what each image is for by its place ("Use the second image only for its style…"), then the
 * instruction with earlier prompts summarised, then the frame's text as context (core/edit-prompt.ts).
 *
 * A **replayed** edit (core/live-replay.ts, docs/live-replay.md) sends none of that again: the earlier turns of this
 * panel session go as `history`, the model's own last image is the base, and only the references selected now and
 * the new instruction go in the new user content ({@link replayContextAsync}).
 */
import { buildTurnContext, carriedReferences } from '../../core/conversation-context.js';
import { editPromptOverhead, composeEditPrompt } from '../../core/edit-prompt.js';
import { appError } from '../../core/errors.js';
import { buildHistoryGraph, chainOf, turnOfNode } from '../../core/history-graph.js';
import type { ImageRole } from '../../core/image-sizes.js';
import { replayDecision, replayPrompt, type LiveTurn, type ReplayRequest } from '../../core/live-replay.js';
import type { NodeSnapshot } from '../../core/messages.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { fail, ok, type Result } from '../../core/result.js';
import { MAX_RECORD_PROMPT_CHARS, type TurnRecord } from '../../core/turn-record.js';
import { textParagraphOf, type PlannedReference } from '../edit-inputs.js';
import type { RequestPlan } from '../request-plan.js';
import type { AppDeps } from './deps.js';

/** An image to send: the layer it was exported from, its role and its PNG bytes. */
export interface SentImage {
  nodeId: string;
  role: ImageRole;
  bytes: Uint8Array;
}

/** The chain of turns the layer `nodeId` continues, oldest first, read from the page's history afresh. */
export async function chainOfLayerAsync(deps: AppDeps, nodeId: string): Promise<TurnRecord[]> {
  const { state, bridge } = deps;
  const history = await bridge.request('READ_HISTORY', {});
  if (history.ok) state.history.value = history.value;
  const graph = buildHistoryGraph(history.ok ? history.value.entries : []);
  const turn = turnOfNode(graph, nodeId);
  return turn ? chainOf(graph, turn.id).turns.map((t) => t.record) : [];
}

/** Exports the selected references and the pinned subject, or says which one could not be exported. */
export async function exportReferencesAsync(
  deps: AppDeps,
  references: readonly PlannedReference[],
  maxSide: number,
): Promise<Result<SentImage[]>> {
  const images: SentImage[] = [];
  for (const reference of references) {
    const exported = await deps.bridge.request('EXPORT_NODE', { nodeId: reference.nodeId, maxSide });
    if (!exported.ok) {
      const gone = exported.error.code === 'stale_node';
      if (reference.pinned && gone) {
        return fail(
          appError(
            'stale_node',
            `The pinned subject “${reference.name}” is no longer on this page. Unpin it, or pin another layer.`,
          ),
        );
      }
      return fail(
        gone
          ? appError('stale_node', `The reference “${reference.name}” was deleted or moved. Select it again and retry.`)
          : exported.error,
      );
    }
    images.push({ nodeId: reference.nodeId, role: reference.role, bytes: exported.value.bytes });
  }
  return ok(images);
}

/**
 * The prompt and images of an edit of the plan's target (see the module comment). `chain` is the target's chain
 * when the caller has just read it; otherwise it is read here.
 */
export async function editContextAsync(
  deps: AppDeps,
  model: PublicModel,
  instruction: string,
  plan: RequestPlan,
  targetId: string,
  knownChain?: readonly TurnRecord[],
): Promise<Result<{ prompt: string; images: SentImage[] }>> {
  const { bridge } = deps;
  const chain = knownChain ?? (await chainOfLayerAsync(deps, targetId));
  const selected = await exportReferencesAsync(deps, plan.inputs.references, plan.maxSide);
  if (!selected.ok) return selected;
  const exclude = new Set([targetId, ...plan.inputs.references.map((r) => r.nodeId)]);
  const carried: SentImage[] = [];
  for (const reference of carriedReferences(chain, exclude)) {
    const exported = await bridge.request('EXPORT_NODE', { nodeId: reference.nodeId, maxSide: plan.maxSide });
    // A layer an earlier turn used that has gone is simply left out: the chain's summary still names the edit.
    if (exported.ok) carried.push({ nodeId: reference.nodeId, role: reference.role, bytes: exported.value.bytes });
  }
  const base = await bridge.request('EXPORT_SOURCE', {
    nodeId: targetId,
    scale: plan.baseScale,
    hideText: plan.inputs.keepText,
    hideNodeIds: [],
  });
  if (!base.ok) return base;
  const text = textParagraphOf(plan.target, plan.inputs.keepText);
  const references = [...carried, ...selected.value];
  const roles: ImageRole[] = [...references.map((r) => r.role), 'base'];
  const context = buildTurnContext<SentImage>({
    instruction,
    earlier: chain.map((record) => record.prompt),
    base: { nodeId: targetId, role: 'base', bytes: base.value.bytes },
    references,
    maxInputImages: model.maxInputImages,
    maxPromptChars: MAX_RECORD_PROMPT_CHARS - editPromptOverhead(roles, text),
  });
  const prompt = composeEditPrompt({ images: context.images.map((i) => i.role), instruction: context.prompt, text });
  return ok({ prompt, images: context.images });
}

/** A replayed edit: the session's turns to send as history, the new prompt, and the references selected now. */
export interface ReplayContext {
  /** The live turns to replay, oldest first, ending with the turn being continued. */
  path: LiveTurn[];
  prompt: string;
  /** The references selected now, in send order; no base (the model's own last image is the base). */
  images: SentImage[];
}

/**
 * The replayed form of an edit of `target` whose chain is `chain`, or why this turn goes stateless (then nothing
 * was exported). Replay needs a model that signs its turns (`thoughtSignatures` in `/v1/models`), the target's turn
 * made live in this panel session on that model, and the target still showing exactly the model's image: its fill
 * hash equals the record's `resultHash`, and any text on it stays out of the image (Keep text editable), as the
 * model never drew it (core/live-replay.ts `replayDecision` has the rest of the rule).
 */
export async function replayContextAsync(
  deps: AppDeps,
  model: PublicModel,
  instruction: string,
  plan: RequestPlan,
  target: NodeSnapshot,
  chain: readonly TurnRecord[],
): Promise<Result<{ replay: ReplayContext } | { stateless: string }>> {
  const base = chain.at(-1);
  if (!model.thoughtSignatures) return ok({ stateless: `${model.label} does not sign its turns` });
  if (!base) return ok({ stateless: 'the layer carries no turn' });
  const { references, keepText } = plan.inputs;
  const ask: ReplayRequest = {
    baseTurnId: base.id,
    model: model.id,
    signaturesRequired: true,
    baseUnchanged: Boolean(base.resultHash) && target.imageHash === base.resultHash && (!target.hasText || keepText),
    maxInputImages: model.maxInputImages,
    newImages: references.length,
  };
  // Decide before exporting anything: a turn that goes stateless exports its own images.
  const session = deps.state.liveTurns.peek();
  const early = replayDecision(session, ask);
  if (!early.ok) return ok({ stateless: early.reason });
  const selected = await exportReferencesAsync(deps, references, plan.maxSide);
  if (!selected.ok) return selected;
  const prompt = replayPrompt({
    images: selected.value.map((image) => image.role as Exclude<ImageRole, 'base'>),
    instruction,
    text: textParagraphOf(target, keepText),
  });
  const newChars = prompt.length + selected.value.reduce((n, image) => n + Math.ceil(image.bytes.length / 3) * 4, 0);
  const decision = replayDecision(session, { ...ask, newChars });
  if (!decision.ok) return ok({ stateless: decision.reason });
  return ok({ replay: { path: decision.path, prompt, images: selected.value } });
}
