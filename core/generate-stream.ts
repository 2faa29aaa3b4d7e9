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
 * comments; an event with no `data:` line is skipped. Each piece is searched once, so a long line (an image) that
 * arrives in many pieces costs no more than its length.
 */
export function readSseEvents(): { push(text: string): SseEvent[]; end(): SseEvent[] } {
  let event = '';
  let data: string[] = [];
  // The start of a line still arriving: only each new piece is searched for line ends (a 4K image is one line).
  let pending: string[] = [];
  // The last piece ended in CR: an LF that starts the next one belongs to it.
  let skipLf = false;
  const takeLine = (line: string, out: SseEvent[]): void => {
    if (line === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };
  return {
    push: (text) => {
      const out: SseEvent[] = [];
      let start = skipLf && text.startsWith('\n') ? 1 : 0;
      skipLf = false;
      let cr = text.indexOf('\r', start);
      let lf = text.indexOf('\n', start);
      while (cr !== -1 || lf !== -1) {
        const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
        const piece = text.slice(start, end);
        takeLine(pending.length > 0 ? pending.join('') + piece : piece, out);
        pending = [];
        start = end + 1;
        if (end === cr) {
          if (start === text.length) skipLf = true;
          else if (text[start] === '\n') start++;
        }
        if (cr !== -1 && cr < start) cr = text.indexOf('\r', start);
        if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
      }
      if (start < text.length) pending.push(text.slice(start));
      return out;
    },
    // An event not ended by a blank line when the stream closes is not dispatched (as the format says).
    end: () => [],
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
