/**
 * An {@link Answer} as Google writes it: one `GenerateContentResponse` for a unary call, or the SSE chunks of a stream
 * (docs/gemini-platform.md#response-shape): one chunk per part (the image whole in one chunk), then a final chunk with
 * the finish reason and no parts (one empty text part on Gemini 3). Every chunk repeats `modelVersion`, `responseId` and the usage so far.
 */
import type { Answer, AnswerPart } from './answer.js';
import { usageMetadata, type UsageMetadata } from './usage.js';

/** Fields every body carries. */
export interface ResponseMeta {
  modelVersion: string;
  responseId: string;
  /** Vertex adds `createTime` and `usageMetadata.trafficType` (docs/gemini-platform.md#vertex-ai). */
  vertex: boolean;
  createTime: string;
  /**
   * The stream's STOP chunk carries one empty text part, as a recorded Gemini 3 Pro Image stream's does (vercel/ai
   * `issue-10660-image-thought-signature.chunks.txt`); without it, no parts, as the recorded 2.0 stream's
   * (js-genai). Optional: unary answers never read it.
   */
  emptyStopPart?: boolean;
}

type Body = Record<string, unknown>;

/** The body of a unary `generateContent` answer. */
export function unaryBody(answer: Answer, meta: ResponseMeta): Body {
  if (answer.kind !== 'content') return streamChunks(answer, meta)[0]!;
  const candidate = {
    content: { role: 'model', parts: answer.parts.map((part) => part.wire) },
    finishReason: 'STOP',
    index: 0,
  };
  return withMeta({ candidates: [candidate] }, usageUpTo(answer, answer.parts), meta);
}

/** The bodies of a stream's `data:` events, in order. */
export function streamChunks(answer: Answer, meta: ResponseMeta): Body[] {
  if (answer.kind === 'blocked') {
    return [
      withMeta({ promptFeedback: { blockReason: answer.blockReason } }, usageMetadata(answer.prompt, null), meta),
    ];
  }
  if (answer.kind === 'refused') {
    const candidate: Body = { finishReason: answer.finishReason, index: 0 };
    if (answer.finishMessage) candidate['finishMessage'] = answer.finishMessage;
    return [withMeta({ candidates: [candidate] }, usageUpTo(answer, []), meta)];
  }
  const chunks = answer.parts.map((part, i) =>
    withMeta(
      { candidates: [{ content: { role: 'model', parts: [part.wire] }, index: 0 }] },
      usageUpTo(answer, answer.parts.slice(0, i + 1)),
      meta,
    ),
  );
  const content = meta.emptyStopPart ? { parts: [{ text: '' }], role: 'model' } : { role: 'model' };
  const last = { candidates: [{ content, finishReason: 'STOP', index: 0 }] };
  chunks.push(withMeta(last, usageUpTo(answer, answer.parts), meta));
  return chunks;
}

function usageUpTo(answer: Answer, parts: readonly AnswerPart[]): UsageMetadata {
  return usageMetadata(answer.prompt, {
    text: parts.reduce((n, part) => n + part.textTokens, 0),
    image: parts.reduce((n, part) => n + part.imageTokens, 0),
    thoughts: answer.thoughtsTokens,
  });
}

function withMeta(body: Body, usage: UsageMetadata, meta: ResponseMeta): Body {
  const usageMeta = meta.vertex ? { ...usage, trafficType: 'ON_DEMAND' } : usage;
  return meta.vertex
    ? {
        ...body,
        usageMetadata: usageMeta,
        modelVersion: meta.modelVersion,
        createTime: meta.createTime,
        responseId: meta.responseId,
      }
    : { ...body, usageMetadata: usageMeta, modelVersion: meta.modelVersion, responseId: meta.responseId };
}
