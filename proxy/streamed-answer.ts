/**
 * A streamed Gemini answer put back together (live previews, docs/proxy-api.md#live-previews). Each chunk of
 * `streamGenerateContent` carries the next parts of the first candidate; the last carries the finish reason, and
 * every chunk the usage so far (docs/gemini-platform.md#response-shape). Unsigned thought parts (thought summaries
 * and interim images) are reported as they arrive and left out of the answer, so it reads as a unary call's without
 * `includeThoughts` would: the same image, text and signed parts, the usage of the last chunk.
 */
import type { GeminiPart, GeminiProgress, GeminiResponse } from './gemini-port.js';

/** Collects the chunks of one streamed answer; `answer()` is the whole answer once the stream has ended. */
export interface StreamedAnswer {
  add(chunk: GeminiResponse): void;
  answer(): GeminiResponse;
}

export function streamedAnswer(onProgress: (progress: GeminiProgress) => void): StreamedAnswer {
  const parts: GeminiPart[] = [];
  let last: GeminiResponse | null = null;
  let usage: GeminiResponse['usage'] | null = null;
  let promptFeedback: GeminiResponse['promptFeedback'];
  let finish: { finishReason?: string; finishMessage?: string } = {};
  let sawCandidate = false;
  return {
    add(chunk) {
      last = chunk;
      // Every chunk repeats the usage so far; a chunk without any keeps the last one that had it.
      if (chunk.usage.totalTokens > 0 || usage === null) usage = chunk.usage;
      if (chunk.promptFeedback) promptFeedback = chunk.promptFeedback;
      const candidate = chunk.candidates?.[0];
      if (!candidate) return;
      sawCandidate = true;
      if (candidate.finishReason) finish = { ...finish, finishReason: candidate.finishReason };
      if (candidate.finishMessage) finish = { ...finish, finishMessage: candidate.finishMessage };
      for (const part of candidate.content?.parts ?? []) addPart(parts, part, onProgress);
    },
    answer() {
      const base: GeminiResponse = {
        ...(promptFeedback ? { promptFeedback } : {}),
        usage: usage ?? last?.usage ?? { ...NO_USAGE },
        ...(last?.modelVersion ? { modelVersion: last.modelVersion } : {}),
      };
      if (!sawCandidate) return base;
      return { ...base, candidates: [{ ...(parts.length > 0 ? { content: { parts } } : {}), ...finish }] };
    },
  };
}

const NO_USAGE: GeminiResponse['usage'] = {
  promptTokens: 0,
  promptImageTokens: null,
  candidatesTokens: null,
  candidatesImageTokens: null,
  thoughtsTokens: 0,
  totalTokens: 0,
};

/**
 * Reports an unsigned thought and drops it; keeps any other part. Text streamed over several chunks is joined into
 * one part, as a unary answer has it; a signed part always stays a part of its own, an empty-text one too
 * (docs/gemini-platform.md#thought-signatures: such parts must never be dropped).
 */
function addPart(parts: GeminiPart[], part: GeminiPart, onProgress: (progress: GeminiProgress) => void): void {
  if (part.thought && !part.thoughtSignature) {
    const image = part.inlineData;
    if (image?.data && image.mimeType)
      onProgress({ kind: 'draft', image: { mimeType: image.mimeType, data: image.data } });
    else if (!image) onProgress({ kind: 'thinking' });
    return;
  }
  // An empty unsigned text part carries nothing (Gemini 3 ends its stream with one: docs/gemini-platform.md#response-shape).
  if (part.text === '' && !part.inlineData && !part.thoughtSignature) return;
  if (part.inlineData?.data && !part.thought) onProgress({ kind: 'final' });
  const previous = parts.at(-1);
  const isPlainText = (p: GeminiPart): boolean =>
    typeof p.text === 'string' && !p.inlineData && !p.thoughtSignature && !p.thought;
  if (previous && isPlainText(previous) && isPlainText(part)) {
    parts[parts.length - 1] = { ...previous, text: `${previous.text ?? ''}${part.text ?? ''}` };
    return;
  }
  parts.push(part);
}
