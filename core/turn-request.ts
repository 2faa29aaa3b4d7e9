/**
 * The request of a planned turn (core/turn-plan.ts): the plan plus the bytes of the images the sandbox exported. The
 * prompt says what each image is for by its place, then the instruction, then the frame's text
 * (core/edit-prompt.ts); a stateless edit summarises the chain's earlier prompts (core/conversation-context.ts), a
 * replayed one sends the session's turns as `history` instead (core/live-replay.ts), and a regional edit asks to
 * change only the area around the shape (core/region-instruction.ts).
 */
import { base64ToBytes, bytesToBase64 } from './base64.js';
import { buildTurnContext } from './conversation-context.js';
import { composeEditPrompt, editPromptOverhead } from './edit-prompt.js';
import { eraseInstruction } from './erase-instruction.js';
import type { ImageRole } from './image-sizes.js';
import { baseImageName } from './input-instruction.js';
import { replayDecision, replayHistory, replayPrompt } from './live-replay.js';
import type { GenerateRequest } from './proxy-schema.js';
import { regionInstruction } from './region-instruction.js';
import { sha1Hex } from './sha1.js';
import { MAX_RECORD_PROMPT_CHARS, type TurnBrand, type TurnInput } from './turn-record.js';
import type { TurnPlan } from './turn-plan.js';

/** An image to send: the layer it was exported from, its role and its PNG bytes. */
export interface SentImage {
  nodeId: string;
  role: ImageRole;
  bytes: Uint8Array;
}

/** A request, and the images it carries (a stateless edit leaves out those over the model's limit). */
export interface TurnRequest<I extends SentImage> {
  request: GenerateRequest;
  images: I[];
}

/**
 * Builds the request of `plan` from `exported`: the plan's images that could be exported, in the plan's send order
 * (a carried reference whose layer has gone is simply missing).
 */
export function turnRequest<I extends SentImage>(plan: TurnPlan, exported: readonly I[]): TurnRequest<I> {
  const { prompt, images } = promptAndImages(plan, exported);
  const request: GenerateRequest = { model: plan.model.id, prompt, aspectRatio: plan.aspectRatio };
  if (plan.shape.sendImageSize) request.imageSize = plan.imageSize;
  if (plan.kind !== 'text-to-image') {
    request.images = images.map((image) => ({
      data: bytesToBase64(image.bytes),
      mimeType: 'image/png',
      role: image.role,
    }));
  }
  if (plan.replay) request.history = replayHistory(plan.replay.path);
  if (plan.live) request.returnModelTurn = true;
  return { request, images };
}

function promptAndImages<I extends SentImage>(plan: TurnPlan, exported: readonly I[]): { prompt: string; images: I[] } {
  const roles = (images: readonly I[]): ImageRole[] => images.map((image) => image.role);
  const brand = plan.brand?.guidance ?? '';
  if (plan.kind === 'text-to-image') {
    return { prompt: [plan.instruction, brand].filter((part) => part !== '').join('\n\n'), images: [] };
  }
  if (plan.kind === 'regional-edit') {
    const crop = plan.region!;
    // Before the person has typed anything (the estimate is shown from the start) there is no sentence to build:
    // the images and what they are for are priced, without it. A press needs a prompt, so no request goes out so.
    const instruction = !plan.instruction
      ? ''
      : plan.input.tool?.name === 'erase'
        ? eraseInstruction({ crop: crop.crop, region: crop.region, imageName: baseImageName(roles(exported)) })
        : regionInstruction({
            prompt: plan.instruction,
            crop: crop.crop,
            region: crop.region,
            hasScene: false, // said by its place among the images instead
            imageName: baseImageName(roles(exported)),
          });
    return {
      prompt: composeEditPrompt({ images: roles(exported), instruction, text: '', brand }),
      images: [...exported],
    };
  }
  if (plan.replay) {
    const references = exported.map((image) => image.role as Exclude<ImageRole, 'base'>);
    return {
      prompt: replayPrompt({
        images: references,
        instruction: plan.instruction,
        text: [plan.text, brand].filter((part) => part !== '').join('\n\n'),
      }),
      images: [...exported],
    };
  }
  const base = exported.find((image) => image.role === 'base') ?? null;
  const references = exported.filter((image) => image !== base);
  const context = buildTurnContext<I>({
    instruction: plan.instruction,
    earlier: plan.earlier,
    base,
    references,
    maxInputImages: plan.model.maxInputImages,
    maxPromptChars: MAX_RECORD_PROMPT_CHARS - editPromptOverhead(roles(exported), plan.text, brand),
  });
  const prompt = composeEditPrompt({
    images: roles(context.images),
    instruction: context.prompt,
    text: plan.text,
    brand,
  });
  return { prompt, images: context.images };
}

/** What a request costs as input: its images and its words, the history included (thoughts are not billed). */
export interface RequestInput {
  inputImages: number;
  promptChars: number;
}

/** Counts a request's input the way Gemini bills it (core/live-replay.ts `contentsInputTokens` has the same rule). */
export function requestInputOf(request: GenerateRequest): RequestInput {
  let inputImages = request.images?.length ?? 0;
  let promptChars = request.prompt.trim().length;
  for (const content of request.history ?? []) {
    for (const part of content.parts) {
      if (part.thought) continue;
      if (part.inlineData) inputImages++;
      promptChars += part.text?.length ?? 0;
    }
  }
  return { inputImages, promptChars };
}

/**
 * What the turn record keeps of the images sent: layer, role and SHA-1 of the exact bytes, never the bytes. A
 * replayed edit's base is the model's own last image, sent back in the history.
 */
export function recordInputsOf(plan: TurnPlan, sent: readonly SentImage[]): TurnInput[] {
  const inputs: TurnInput[] = sent.map((image) => ({
    nodeId: image.nodeId,
    role: image.role,
    hash: sha1Hex(image.bytes),
  }));
  const last = plan.replay?.path.at(-1);
  if (last && plan.shape.target) {
    const baseImage = last.modelTurn.parts.filter((part) => part.inlineData && !part.thought).at(-1)?.inlineData;
    inputs.push({
      nodeId: plan.shape.target.id,
      role: 'base',
      ...(baseImage ? { hash: sha1Hex(base64ToBytes(baseImage.data)) } : {}),
    });
  }
  return inputs;
}

/**
 * Why a replayed request must go stateless after all, now that its references are exported and their size is known
 * (the whole call past core/live-replay.ts `MAX_REPLAY_CHARS`), or null when it can go as planned.
 */
export function replayRefusal(plan: TurnPlan, request: GenerateRequest): string | null {
  if (!plan.replay) return null;
  const newChars = request.prompt.length + (request.images ?? []).reduce((n, image) => n + image.data.length, 0);
  const decision = replayDecision(plan.replay.path, { ...plan.replay.ask, newChars });
  return decision.ok ? null : decision.reason;
}

/**
 * What the turn record keeps of the brand guidance sent (core/turn-record.ts `brand`), or undefined when the Brand
 * toggle was off. The logo is named only when its image went out (a stateless edit over the model's limit drops it).
 */
export function recordBrandOf(plan: TurnPlan, sent: readonly SentImage[]): TurnBrand | undefined {
  if (!plan.brand) return undefined;
  const logo = plan.brand.logoNodeId;
  const logoSent = logo !== null && sent.some((image) => image.nodeId === logo && image.role === 'product');
  return { guidance: plan.brand.guidance, ...(logoSent ? { logoNodeId: logo } : {}) };
}
