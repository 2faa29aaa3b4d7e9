/**
 * The live variant of `POST /v1/generate` (docs/proxy-api.md#live-previews): sent with `Accept: text/event-stream`,
 * the proxy answers with server-sent events while Gemini works. What the events carry is defined here, for both
 * ends: the proxy writes them (proxy/routes/generate-stream.ts), the panel reads them (ui/proxy-stream.ts) with
 * {@link readSseEvents}.
 *
 * - `stage`: how far Gemini has got: `thinking`, then `draft` when an interim thought image has arrived, then
 *   `final` when the final image has (the answer is being priced and sent).
 * - `draft`: one interim thought image, as Gemini sent it (not downscaled, never stored): a preview, never the result.
 * - `result`: exactly the body a plain `POST /v1/generate` answers with; the last event.
 * - `error`: exactly the plain route's error body, with the HTTP status it would have had; the last event.
 */
import { z } from 'zod';
import {
  errorEnvelopeSchema,
  generateResponseSchema,
  type ErrorEnvelope,
  type GenerateResponse,
} from './proxy-schema.js';

/** The media type the panel asks for, and the proxy answers with, for the live variant. */
export const EVENT_STREAM_TYPE = 'text/event-stream';

export const GENERATE_STAGES = ['thinking', 'draft', 'final'] as const;
export type GenerateStage = (typeof GENERATE_STAGES)[number];

export const stageEventSchema = z.object({ stage: z.enum(GENERATE_STAGES) });

/** An interim thought image: its number (1-based, in arrival order) and its bytes as Gemini sent them. */
export const draftEventSchema = z.object({
  index: z.number().int().positive(),
  image: z.object({ mimeType: z.string().min(1), data: z.string().min(1) }),
});
export type DraftEvent = z.infer<typeof draftEventSchema>;

export const errorEventSchema = errorEnvelopeSchema.extend({ status: z.number().int().min(400).max(599) });

/** One event of the live answer, as both ends see it. */
export type GenerateStreamEvent =
  | { event: 'stage'; data: { stage: GenerateStage } }
  | { event: 'draft'; data: DraftEvent }
  | { event: 'result'; data: GenerateResponse }
  | { event: 'error'; data: ErrorEnvelope & { status: number } };

/** Gemini 3 Pro Image makes up to two interim images (docs/gemini-platform.md#the-answers-image): the "of ~2". */
export const EXPECTED_DRAFTS = 2;

/** The event's data checked against its schema, or null when it is not one of ours (or not valid). */
export function parseStreamEvent(event: string, data: string): GenerateStreamEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed =
    event === 'stage'
      ? stageEventSchema.safeParse(json)
      : event === 'draft'
        ? draftEventSchema.safeParse(json)
        : event === 'result'
          ? generateResponseSchema.safeParse(json)
          : event === 'error'
            ? errorEventSchema.safeParse(json)
            : null;
  return parsed?.success ? ({ event, data: parsed.data } as GenerateStreamEvent) : null;
}

/** One raw server-sent event: its `event:` name (`message` when absent) and its `data:` lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * A push parser for `text/event-stream` (the WHATWG HTML "server-sent events" format): feed it text as it arrives,
 * get back the complete events so far. Lines end in CR LF, LF or CR; a blank line ends an event; `:` lines are
 * comments; an event with no `data:` line is skipped.
 */
export function readSseEvents(): { push(text: string): SseEvent[]; end(): SseEvent[] } {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  // How far `buffer` is known to hold no line end: a long image line arrives in many pieces, scanned once.
  let scanned = 0;
  const lineEnd = /\r\n|\r|\n/g;
  const takeLines = (final: boolean): SseEvent[] => {
    const out: SseEvent[] = [];
    for (;;) {
      lineEnd.lastIndex = scanned;
      const match = lineEnd.exec(buffer);
      // A lone CR at the end may be the first half of CR LF: wait for more text unless the stream is over.
      if (!match || (match[0] === '\r' && match.index === buffer.length - 1 && !final)) {
        scanned = match ? match.index : buffer.length;
        break;
      }
      const line = buffer.slice(0, match.index);
      buffer = buffer.slice(match.index + match[0].length);
      scanned = 0;
      if (line === '') {
        if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return out;
  };
  return {
    push: (text) => {
      buffer += text;
      return takeLines(false);
    },
    end: () => takeLines(true),
  };
}

/**
 * The panel's stage line for a live answer: "Thinking…", "Draft 1 of ~2 · thinking…", "Final image arriving…".
 * `draft` is the number of the newest draft shown, or null before the first.
 */
export function liveStageLine(stage: GenerateStage, draft: number | null): string {
  if (stage === 'final') return 'Final image arriving…';
  if (draft === null) return 'Thinking…';
  return `Draft ${draft} of ~${Math.max(EXPECTED_DRAFTS, draft)} · thinking…`;
}
