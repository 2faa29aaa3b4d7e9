/**
 * The Gemini double's `streamGenerateContent?alt=sse` answer for Gemini 3 Pro Image, held against the recorded 3 Pro
 * Image stream (vercel/ai `issue-10660-image-thought-signature.chunks.txt`; test/contract/recordings/README.md): the
 * same framing, the same fields in each chunk (a signed image chunk, then a STOP chunk with one empty text part,
 * usage on both), and with `includeThoughts` the thought chunks before them, as the double's docs say
 * (docs/gemini-double.md#live-previews-streamed-thoughts). The one field the double leaves out is `serviceTier`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../core/image-header.js';
import { startGeminiDouble, type GeminiDouble } from '../../dev/gemini-double/server.js';
import { recordingText } from './recording-catalogue.js';

let double: GeminiDouble;
beforeAll(async () => {
  double = await startGeminiDouble({ streamChunkDelayMs: 0 });
});
afterAll(() => double?.close());

type Json = Record<string, unknown>;

/** The `data:` events of an SSE text, parsed. */
function eventsOf(text: string): { events: Json[] } {
  const raw = text.split(/\r?\n\r?\n/).filter((e) => e.trim() !== '');
  return { events: raw.map((e) => JSON.parse(e.replace(/^data: /, '')) as Json) };
}

/** A body's shape: every key path, sorted, with the type of its value (array items by index). */
function shapeOf(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => shapeOf(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Json)
      .filter(([key]) => key !== 'serviceTier')
      .flatMap(([key, inner]) => shapeOf(inner, path ? `${path}.${key}` : key))
      .sort();
  }
  return [`${path}: ${typeof value}`];
}

async function streamAsync(includeThoughts: boolean): Promise<Json[]> {
  const res = await fetch(`${double.url}/v1beta/models/gemini-3-pro-image:streamGenerateContent?alt=sse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': 'k' },
    body: JSON.stringify({
      contents: [{ role: 'user', parts: [{ text: 'a lighthouse' }] }],
      generationConfig: {
        responseModalities: ['IMAGE'],
        imageConfig: { imageSize: '1K' },
        ...(includeThoughts ? { thinkingConfig: { includeThoughts: true } } : {}),
      },
    }),
  });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  return eventsOf(await res.text()).events;
}

const recorded = eventsOf(recordingText('pro-3-sse-signature')).events;
const partOf = (event: Json | undefined): Json =>
  ((event?.['candidates'] as Json[])[0]!['content'] as { parts: Json[] }).parts[0]!;

describe('the double’s Gemini 3 Pro Image stream, against the recorded one', () => {
  it('without thoughts: a signed image chunk, then a STOP chunk with one empty text part, field for field', async () => {
    const events = await streamAsync(false);
    expect(events).toHaveLength(recorded.length);
    for (const [i, event] of events.entries()) expect(shapeOf(event)).toEqual(shapeOf(recorded[i]));
    expect(partOf(events[1])).toEqual(partOf(recorded[1]));
  });

  it('with includeThoughts: a thought summary and two unsigned drafts first, then the recorded shape', async () => {
    const events = await streamAsync(true);
    expect(events).toHaveLength(recorded.length + 3);
    const [summary, first, second] = events.slice(0, 3).map(partOf);
    expect(summary).toMatchObject({ thought: true, text: expect.stringMatching(/^\*\*.+\*\*\n\n/) });
    for (const draft of [first, second]) {
      expect(draft).toMatchObject({ thought: true, inlineData: { mimeType: 'image/jpeg' } });
      expect(draft).not.toHaveProperty('thoughtSignature');
    }
    const finalImage = partOf(events[3]) as { inlineData: { data: string } };
    const sizes = [first, second, finalImage].map((part) => {
      const header = readImageHeader(Buffer.from((part as typeof finalImage).inlineData.data, 'base64'));
      return [header?.width, header?.height];
    });
    // Drafts of the final picture, at its size: not the same bytes.
    expect(sizes).toEqual([sizes[2], sizes[2], sizes[2]]);
    expect(new Set([first, second, finalImage].map((p) => JSON.stringify(p))).size).toBe(3);
    for (const [i, event] of events.slice(3).entries()) expect(shapeOf(event)).toEqual(shapeOf(recorded[i]));
    // Usage on every chunk; the last chunk's total is prompt + candidates + thoughts, as recorded.
    const usage = events.at(-1)!['usageMetadata'] as Record<string, number>;
    expect(usage['totalTokenCount']).toBe(
      usage['promptTokenCount']! + usage['candidatesTokenCount']! + usage['thoughtsTokenCount']!,
    );
  });
});
