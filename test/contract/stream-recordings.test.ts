/**
 * Recorded `streamGenerateContent?alt=sse` answers (test/contract/recordings/README.md), replayed to the real
 * `@google/genai` stream reader. The proxy calls Gemini unary, and streamed for live previews
 * (docs/proxy-api.md#live-previews), so these rows check what the SDK hands our answer readers from a real stream:
 * the chunks as recorded, a real Gemini PNG read at its real size, signatures untouched, the usage of the last
 * chunk, and the answer the proxy's stream merge (proxy/streamed-answer.ts) makes of them.
 */
import { GoogleGenAI, type GenerateContentResponse } from '@google/genai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageOf } from '../../proxy/gemini-client.js';
import type { GeminiResponse } from '../../proxy/gemini-port.js';
import { ProxyError } from '../../proxy/proxy-error.js';
import { modelTurnOf, readImageAnswer } from '../../proxy/read-image-answer.js';
import { streamedAnswer } from '../../proxy/streamed-answer.js';
import { recordingText, type RecordingId } from './recording-catalogue.js';
import { replayMarker, startReplayServer, type ReplayServer } from './replay-server.js';

let replay: ReplayServer;
let ai: GoogleGenAI;
beforeAll(async () => {
  replay = await startReplayServer();
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: replay.url } });
});
afterAll(() => replay?.close());

async function streamOf(id: RecordingId, model: string): Promise<GenerateContentResponse[]> {
  const chunks: GenerateContentResponse[] = [];
  const stream = await ai.models.generateContentStream({ model, contents: `${replayMarker(id)} fireworks` });
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/** A chunk in the proxy's own terms, as `proxy/gemini-client.ts` passes a unary answer on. */
const asAnswer = (chunk: GenerateContentResponse): GeminiResponse => ({
  ...(chunk.promptFeedback ? { promptFeedback: chunk.promptFeedback } : {}),
  ...(chunk.candidates ? { candidates: chunk.candidates as GeminiResponse['candidates'] } : {}),
  usage: usageOf(chunk.usageMetadata),
});

/** One recorded stream event, as far as these tests read it. */
interface Segment {
  candidates: { content: { parts?: { text?: string; inlineData?: { data: string } }[] } }[];
  usageMetadata: unknown;
}

/** The events of a `data: <json>` stream file, parsed. */
const eventsOf = (text: string): Segment[] =>
  text
    .split(/\r?\n\r?\n/)
    .filter((event) => event.startsWith('data: '))
    .map((event) => JSON.parse(event.slice('data: '.length)) as Segment);

describe('Gemini 2.0 Flash image generation, streamed text then a PNG (googleapis/js-genai recording)', () => {
  const id: RecordingId = 'flash-2.0-sse-png';
  const segments = (JSON.parse(recordingText(id)) as { interactions: { response: { bodySegments: Segment[] } }[] })
    .interactions[0]!.response.bodySegments;

  it('reaches our answer reader chunk for chunk, the PNG read at the size its header says (510×1024)', async () => {
    const chunks = await streamOf(id, 'gemini-2.0-flash-preview-image-generation');
    expect(chunks.map((c) => c.candidates)).toEqual(segments.map((s) => s.candidates));
    const text = chunks.flatMap((c) => c.candidates?.[0]?.content?.parts ?? []).map((p) => p.text ?? '');
    expect(text.join('')).toMatch(/^I will generate an image of the Eiffel Tower at night/);

    const recorded = segments[3]!.candidates[0]!.content.parts![0]!.inlineData!.data;
    const header = Buffer.from(recorded, 'base64');
    const { image } = readImageAnswer(asAnswer(chunks[3]!));
    expect(image).toMatchObject({
      mimeType: 'image/png',
      width: header.readUInt32BE(16),
      height: header.readUInt32BE(20),
    });
    expect([image.width, image.height]).toEqual([510, 1024]);
    expect(image.data === recorded, 'the PNG as Google sent it').toBe(true);
  });

  it('carries the usage of the last chunk: 15 prompt, 1,318 candidate (1,290 of them image), 1,333 in all', async () => {
    const chunks = await streamOf(id, 'gemini-2.0-flash-preview-image-generation');
    expect(chunks.at(-1)?.candidates?.[0]?.finishReason).toBe('STOP');
    expect(chunks.at(-1)?.usageMetadata).toEqual(segments.at(-1)!.usageMetadata);
    expect(asAnswer(chunks.at(-1)!).usage).toEqual({
      promptTokens: 15,
      promptImageTokens: 0,
      candidatesTokens: 1318,
      candidatesImageTokens: 1290,
      thoughtsTokens: 0,
      totalTokens: 1333,
    });
  });
});

describe('Gemini 3 Pro Image, a signed image chunk then an empty STOP chunk (vercel/ai recording)', () => {
  const id: RecordingId = 'pro-3-sse-signature';
  const events = eventsOf(recordingText(id));

  it('keeps the image part’s thoughtSignature exactly as recorded, so modelTurn can replay it', async () => {
    const chunks = await streamOf(id, 'gemini-3-pro-image-preview');
    expect(chunks).toHaveLength(events.length);
    expect(modelTurnOf(asAnswer(chunks[0]!))).toEqual({
      role: 'model',
      parts: events[0]!.candidates[0]!.content.parts,
    });
    expect(chunks[0]!.candidates?.[0]?.content?.parts?.[0]?.thoughtSignature).toBe('live-image-thought-signature');
  });

  it('refuses the recording’s placeholder image bytes ("AA==") as unreadable instead of placing them', async () => {
    const chunks = await streamOf(id, 'gemini-3-pro-image-preview');
    const refusal = (() => {
      try {
        readImageAnswer(asAnswer(chunks[0]!));
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(ProxyError);
    expect((refusal as ProxyError).code).toBe('upstream_error');
  });

  it('reports thinking tokens that change between chunks; the last chunk’s total is prompt + candidates + thoughts', async () => {
    const chunks = await streamOf(id, 'gemini-3-pro-image-preview');
    const usage = chunks.map((c) => c.usageMetadata);
    expect(usage.map((u) => [u?.thoughtsTokenCount, u?.totalTokenCount])).toEqual([
      [244, 1471],
      [167, 1394],
    ]);
    const last = usage.at(-1)!;
    expect(last.totalTokenCount).toBe(last.promptTokenCount! + last.candidatesTokenCount! + last.thoughtsTokenCount!);
  });

  it('merges into the answer a unary call gives: the signed image part alone, the last chunk’s usage and STOP', async () => {
    const chunks = await streamOf(id, 'gemini-3-pro-image-preview');
    const heard: string[] = [];
    const merged = streamedAnswer((progress) => heard.push(progress.kind));
    for (const chunk of chunks) merged.add(asAnswer(chunk));
    const answer = merged.answer();
    expect(heard).toEqual(['final']);
    expect(answer.candidates).toEqual([
      { content: { parts: events[0]!.candidates[0]!.content.parts }, finishReason: 'STOP' },
    ]);
    expect(modelTurnOf(answer)?.parts[0]?.thoughtSignature).toBe('live-image-thought-signature');
    expect(answer.usage).toEqual(asAnswer(chunks.at(-1)!).usage);
  });
});
