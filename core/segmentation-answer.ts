/**
 * Reads the segmentation model's answer text into masks (docs/gemini-platform.md#segmentation-masks): a JSON list of
 * `{ box_2d: [y0, x0, y1, x1], mask: "data:image/png;base64,…", label }`, which the model may wrap in a ```json fence.
 * Entries without a usable box or mask are left out; an answer that is no such list is an error value, never a throw.
 */
import { appError } from './errors.js';
import { fail, ok, type Result } from './result.js';
import { segmentMaskSchema, type SegmentMask } from './segment-schema.js';

/** The masks in `text`, in the model's order. */
export function parseSegmentationText(text: string): Result<SegmentMask[]> {
  const body = text
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/```\s*$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fail(appError('no_image_returned', UNREADABLE));
  }
  if (!Array.isArray(parsed)) return fail(appError('no_image_returned', UNREADABLE));
  const masks: SegmentMask[] = [];
  for (const entry of parsed) {
    const mask = maskOf(entry);
    if (mask) masks.push(mask);
  }
  return ok(masks);
}

const UNREADABLE = 'Gemini answered without masks it could read. Try again.';

function maskOf(entry: unknown): SegmentMask | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { box_2d: box, mask, label } = entry as Record<string, unknown>;
  const candidate = {
    box,
    label: typeof label === 'string' ? label : '',
    mask: typeof mask === 'string' ? mask.replace(/^data:image\/png;base64,/, '') : mask,
  };
  const checked = segmentMaskSchema.safeParse(candidate);
  if (!checked.success) return null;
  const [y0, x0, y1, x1] = checked.data.box;
  return y1 > y0 && x1 > x0 ? checked.data : null;
}
