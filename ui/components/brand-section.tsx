/**
 * The Brand toggle and what it sends (docs/brand.md): a checkbox, off by default, that adds the file's brand
 * guidance to each turn, and under it, while on, exactly what is added: the paragraph, word for word, and the logo's
 * thumbnail. Also "Mark as brand frame" for the one selected frame, and "Clear". A wired part (it reads the state it
 * shows and calls the brand actions), as ui/components/apply-in-place.tsx is.
 */
import type { BrandContext } from '../../core/brand-context.js';
import { BRAND_FRAME_NODE_TYPES, type BrandSnapshot } from '../../core/brand-snapshot.js';
import type { NodeSnapshot } from '../../core/node-snapshot.js';
import type { BrandActions } from '../actions/brand.js';
import type { AppState } from '../state.js';

export interface BrandSectionProps {
  state: AppState;
  brand: BrandActions;
}

const FRAME_TYPES: ReadonlySet<string> = new Set(BRAND_FRAME_NODE_TYPES);

/** The toggle, the disclosure of what it sends, and the brand frame's mark. */
export function BrandSection({ state, brand }: BrandSectionProps) {
  const on = state.brandOn.value;
  const running = state.run.value !== null;
  const snapshot = state.brand.value;
  const selected = state.selectionCount.value === 1 ? (state.selection.value[0] ?? null) : null;
  return (
    <section class="brand" aria-label="Brand">
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          disabled={running}
          onChange={(event) => void brand.setOnAsync(event.currentTarget.checked)}
        />
        <span>
          Brand
          <span class="muted"> · add this file’s colours, type and logo to the prompt</span>
        </span>
      </label>
      {on && (
        <BrandSent
          context={state.brandContext.value}
          snapshot={snapshot}
          editing={state.mode.value === 'edit'}
          logoThumb={logoThumbOf(state, snapshot)}
        />
      )}
      {on && <BrandFrameRow snapshot={snapshot} selected={selected} running={running} brand={brand} />}
    </section>
  );
}

function logoThumbOf(state: AppState, snapshot: BrandSnapshot | null): string | null {
  const logo = snapshot?.frame?.logo;
  return logo ? (state.thumbnails.value.get(logo.nodeId) ?? null) : null;
}

interface BrandSentProps {
  context: BrandContext | null;
  snapshot: BrandSnapshot | null;
  editing: boolean;
  logoThumb: string | null;
}

/** Exactly what the toggle adds: the paragraph as sent, and the logo, with an edit. */
function BrandSent({ context, snapshot, editing, logoThumb }: BrandSentProps) {
  if (!snapshot) return <p class="hint">Reading the file’s styles…</p>;
  if (!context) {
    return (
      <p class="hint brand-empty">
        This file has no colour styles, colour variables or text styles, and no brand frame. Add styles, or select the
        frame with your logo and swatches and mark it as the brand frame.
      </p>
    );
  }
  const logo = context.logo;
  return (
    <details class="brand-sent" open>
      <summary>What is sent</summary>
      {context.guidance && <p class="brand-guidance">{context.guidance}</p>}
      {logo && (
        <div class="brand-logo">
          {logoThumb && <img src={logoThumb} alt={`${logo.name} (the logo)`} width={40} height={40} />}
          <span class="muted">
            {editing
              ? `${logo.name} goes with this edit as a product reference image.`
              : `${logo.name} goes with edits only; a new image from words gets the text above.`}
          </span>
        </div>
      )}
      {!logo && snapshot.frame && !snapshot.frame.onCurrentPage && (
        <p class="hint">The brand frame is on another page: open that page to send its logo.</p>
      )}
    </details>
  );
}

interface BrandFrameRowProps {
  snapshot: BrandSnapshot | null;
  selected: NodeSnapshot | null;
  running: boolean;
  brand: BrandActions;
}

/** The brand frame: which one it is, "Mark as brand frame" for a selected frame, and "Clear". */
function BrandFrameRow({ snapshot, selected, running, brand }: BrandFrameRowProps) {
  const frame = snapshot?.frame ?? null;
  const markable = selected && FRAME_TYPES.has(selected.type) && selected.id !== frame?.nodeId ? selected : null;
  return (
    <div class="actions brand-frame">
      <span class="muted name">
        {frame
          ? `Brand frame: ${frame.name}`
          : snapshot?.frameMissing
            ? 'The brand frame was deleted; mark another.'
            : 'No brand frame.'}
      </span>
      {markable && (
        <button type="button" class="link" disabled={running} onClick={() => void brand.markFrameAsync()}>
          Mark {markable.name} as brand frame
        </button>
      )}
      {frame && (
        <button type="button" class="link" disabled={running} onClick={() => void brand.clearFrameAsync()}>
          Clear
        </button>
      )}
    </div>
  );
}
