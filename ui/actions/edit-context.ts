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
 */
import { buildTurnContext, carriedReferences } from '../../core/conversation-context.js';
import { editPromptOverhead, composeEditPrompt } from '../../core/edit-prompt.js';
import { appError } from '../../core/errors.js';
import { buildHistoryGraph, chainOf, turnOfNode } from '../../core/history-graph.js';
import type { ImageRole } from '../../core/image-sizes.js';
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

/** The prompt and images of an edit of the plan's target (see the module comment). */
export async function editContextAsync(
  deps: AppDeps,
  model: PublicModel,
  instruction: string,
  plan: RequestPlan,
  targetId: string,
): Promise<Result<{ prompt: string; images: SentImage[] }>> {
  const { bridge } = deps;
  const chain = await chainOfLayerAsync(deps, targetId);
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
