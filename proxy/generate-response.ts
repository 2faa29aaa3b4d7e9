/**
 * The answer step of `POST /v1/generate`: Gemini's response read into the body the panel gets (the image, its
 * text, the usage with its cost and, when asked, the model's own turn for a live replay).
 */
import { packModelTurn } from '../core/model-turn-wire.js';
import type { GenerateResponse } from '../core/proxy-schema.js';
import type { GeminiResponse } from './gemini-port.js';
import type { BilledUsage } from './generate-pricing.js';
import type { GeneratePlan } from './generate-plan.js';
import { modelTurnOf, readImageAnswer } from './read-image-answer.js';

/** The 200 body; throws the answer's error (no image, blocked) when there is no image to send. */
export function generateResponseOf(
  plan: GeneratePlan,
  response: GeminiResponse,
  billed: BilledUsage,
): GenerateResponse {
  const answer = readImageAnswer(response);
  // Sent with the image's part emptied: the panel has that image already as `image.data`.
  const fullTurn = plan.request.returnModelTurn ? modelTurnOf(response) : null;
  const modelTurn = fullTurn ? packModelTurn(fullTurn, answer.image.data) : null;
  const { costUsd, ...tokens } = billed;
  return {
    image: answer.image,
    ...(answer.text ? { text: answer.text } : {}),
    model: plan.model.id,
    usage: { ...tokens, costUsd },
    cached: false,
    ...(modelTurn ? { modelTurn } : {}),
  };
}
