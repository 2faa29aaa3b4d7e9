/**
 * What the panel says for a selection it cannot edit as an image (core/selection-kind.ts), with the one thing to
 * do next: several results (make a component set, or pick one), a component set (select one of its variants), a
 * lone text layer (select its frame), or layers with nothing to edit among them.
 */
import type { NamedLayer, SelectionKind } from '../../core/selection-kind.js';
import { shortNames } from '../../core/short-names.js';
import type { ComparePicture } from '../compare-state.js';
import { CompareToggle } from './compare-toggle.js';

/** A / B between two selected results (ui/actions/compare.ts): the two, the one shown and its picture. */
export interface PairCompare {
  layers: readonly [NamedLayer, NamedLayer];
  /** The one shown, or null before either is pressed. */
  shown: 0 | 1 | null;
  picture: ComparePicture | null;
  onShow(side: 0 | 1): void;
}

export interface SelectionKindCardProps {
  kind: SelectionKind;
  /** Selects these layers on the canvas. */
  onSelect(nodeIds: readonly string[]): void;
  /** A / B, when the selection is two results. */
  pair?: PairCompare | null;
}

/** Most variants offered as buttons; the rest are named by count. */
const SHOWN_VARIANTS = 6;

/** The selection card for a selection that is not edited as an image, or nothing for one that is. */
export function SelectionKindCard({ kind, onSelect, pair }: SelectionKindCardProps) {
  const body = bodyOf(kind, onSelect);
  if (!body) return null;
  return (
    <section class="card" aria-label="Selection" data-kind={kind.kind}>
      {body}
      {kind.kind === 'results' && pair ? <PairView pair={pair} /> : null}
    </section>
  );
}

/** A / B: one of the two results at a time in the same place, so a flick between them shows what differs. */
function PairView({ pair }: { pair: PairCompare }) {
  const [a, b] = shortNames(pair.layers.map((layer) => layer.name));
  const shownLayer = pair.shown === null ? null : pair.layers[pair.shown];
  const picture = pair.picture;
  return (
    <div class="pair-compare">
      <CompareToggle
        label="Compare the two results"
        sides={[`A: ${a}`, `B: ${b}`]}
        shown={pair.shown ?? 0}
        pressed={pair.shown !== null}
        onShow={pair.onShow}
      />
      {shownLayer && picture && 'src' in picture ? (
        <img class="pair-picture" src={picture.src} alt={`Preview of ${shownLayer.name}`} />
      ) : null}
      {shownLayer && picture && 'gone' in picture ? (
        <p class="muted" role="status">
          {shownLayer.name} was deleted.
        </p>
      ) : null}
    </div>
  );
}

function bodyOf(kind: SelectionKind, onSelect: SelectionKindCardProps['onSelect']) {
  switch (kind.kind) {
    case 'results':
      return (
        <p class="muted">
          {kind.count} results selected. Make them one component set below, select one result to continue its
          conversation, or use one as the base with the others as references.
        </p>
      );
    case 'component-set': {
      const shown = kind.variants.slice(0, SHOWN_VARIANTS);
      const more = kind.variantCount - shown.length;
      return (
        <>
          <p class="muted">
            “{kind.name}” is a component set with {kind.variantCount} variant{kind.variantCount === 1 ? '' : 's'}. To
            edit one, select it:
          </p>
          <div class="actions">
            {shown.map((variant) => (
              <button key={variant.id} type="button" onClick={() => onSelect([variant.id])}>
                Edit {variant.name}
              </button>
            ))}
          </div>
          {more > 0 && <p class="muted">…and {more} more in the layers panel.</p>}
        </>
      );
    }
    case 'text':
      return kind.frame ? (
        <>
          <p class="muted">
            “{kind.name}” is a text layer. Banana Studio edits images, with the text of a frame as context (and kept
            editable), so it edits the frame the text is in.
          </p>
          <div class="actions">
            <button type="button" onClick={() => onSelect([kind.frame!.id])}>
              Edit its frame {kind.frame.name}
            </button>
          </div>
        </>
      ) : (
        <p class="muted">
          “{kind.name}” is a text layer on its own. Banana Studio edits images: put it in a frame and select the frame,
          or select nothing to make a new image.
        </p>
      );
    case 'layers':
      return (
        <p class="muted">
          {kind.count} layers selected. Select one layer to edit it (a frame or an image), or a frame with the others as
          references, or nothing to make a new image.
        </p>
      );
    default:
      return null;
  }
}
