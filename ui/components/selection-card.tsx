/**
 * What Generate will work on: the selected layer with its thumbnail, name and size, or nothing; and, for a result,
 * which turn of its conversation it is and what Generate will do with it (ui/components/conversation-line.tsx).
 */
import { useEffect, useMemo } from 'preact/hooks';
import { bytesToBase64 } from '../../core/base64.js';
import type { NodeSnapshot } from '../../core/messages.js';
import type { RegionOutline } from '../../core/region-outline.js';
import { formatSize } from '../format.js';
import type { Mode, Thumbnail } from '../state.js';
import type { ComparePicture } from '../compare-state.js';
import { CompareToggle } from './compare-toggle.js';
import { ConversationLine, type ConversationLineProps } from './conversation-line.js';

/** Before / After for a result whose source is known (ui/actions/compare.ts). */
export interface SelectionCompare {
  /** The source's name, when the page still lists it. */
  sourceName: string | null;
  /** Before is pressed: the preview shows the source. */
  before: boolean;
  /** The source's picture, once read (or that it has gone). */
  picture: ComparePicture | null;
  onShow(side: 0 | 1): void;
}

export interface SelectionCardProps {
  mode: Mode;
  /** The layer being edited. */
  target: NodeSnapshot | null;
  /** The sandbox's thumbnail of the target, when it sent one for it. */
  thumbnail: Thumbnail | null;
  /** The first selected layer, the one the sandbox sends a thumbnail of. */
  firstSelectedId: string | undefined;
  selectionCount: number;
  /** Thumbnails loaded through the History loader, by layer id. */
  thumbnails: ReadonlyMap<string, string>;
  /** Loads thumbnails of these layers; must keep its identity across renders (it is an effect's dependency). */
  onLoadThumbnailsAsync(nodeIds: readonly string[]): Promise<void>;
  conversation: ConversationLineProps;
  /** The shape that marks a regional edit of the target, and where it sits on the target's thumbnail. */
  region?: { name: string; outline: RegionOutline | null } | null;
  /** Before / After against the result's source, for a result that has one. */
  compare?: SelectionCompare | null;
}

/** The preview box's size in CSS pixels (ui/styles.css `.thumb`). */
const THUMB_BOX = { width: 80, height: 48 };

/** The preview with the region's outline drawn over it, the image sized to fit the preview box. */
function OutlinedThumb({ src, target, outline }: { src: string; target: NodeSnapshot; outline: RegionOutline }) {
  const fit = Math.min(THUMB_BOX.width / (target.width || 1), THUMB_BOX.height / (target.height || 1));
  const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;
  return (
    <span class="thumb-frame" style={{ width: `${target.width * fit}px`, height: `${target.height * fit}px` }}>
      <img src={src} alt={`Preview of ${target.name}`} />
      <span
        class={outline.round ? 'region-outline round' : 'region-outline'}
        data-testid="region-outline"
        style={{
          left: percent(outline.left),
          top: percent(outline.top),
          width: percent(outline.width),
          height: percent(outline.height),
        }}
      />
    </span>
  );
}

/** The source's picture in the preview while Before is pressed (nothing while it is read or when it has gone). */
function BeforeThumb({ compare }: { compare: SelectionCompare }) {
  const picture = compare.picture;
  if (!picture || !('src' in picture)) return null;
  return <img src={picture.src} alt={`Before: ${compare.sourceName ?? 'the source'}`} />;
}

/** The selection card: what is selected, and for one layer its preview, size and conversation line. */
export function SelectionCard(props: SelectionCardProps) {
  const { mode, target, thumbnail, onLoadThumbnailsAsync } = props;
  const src = useMemo(
    () => (thumbnail ? `data:image/png;base64,${bytesToBase64(thumbnail.bytes)}` : null),
    [thumbnail],
  );
  // The sandbox sends a thumbnail of the first selected layer; a base picked among several may be another.
  const first = props.firstSelectedId;
  const missing = target !== null && thumbnail === null && target.id !== first ? target.id : null;
  useEffect(() => {
    if (missing) void onLoadThumbnailsAsync([missing]);
  }, [missing, onLoadThumbnailsAsync]);
  const shown = src ?? (missing ? (props.thumbnails.get(missing) ?? null) : null);
  const compare = props.compare ?? null;
  const before = compare?.before ? compare : null;
  const region = before ? null : (props.region ?? null);
  const outline = region?.outline ?? null;
  if (mode === 'multiple') {
    return (
      <section class="card" aria-label="Selection">
        <p class="muted">{props.selectionCount} layers selected. Select one layer to edit it.</p>
      </section>
    );
  }
  if (!target) {
    return (
      <section class="card" aria-label="Selection">
        <p class="muted">Nothing selected: Generate makes a new image in the middle of the view.</p>
      </section>
    );
  }
  return (
    <section class="card selection" aria-label="Selection">
      <div class="thumb">
        {before ? (
          <BeforeThumb compare={before} />
        ) : shown && outline ? (
          <OutlinedThumb src={shown} target={target} outline={outline} />
        ) : shown ? (
          <img src={shown} alt={`Preview of ${target.name}`} />
        ) : null}
      </div>
      <div class="details">
        <strong class="name" title={target.name}>
          {target.name}
        </strong>
        <span class="muted">
          {formatSize(target.width, target.height)} · {target.type.toLowerCase().replace('_', ' ')}
        </span>
        {region ? (
          <span class="region-line">
            Edit inside {region.name} on {target.name}
          </span>
        ) : null}
        <ConversationLine {...props.conversation} />
        {compare ? (
          <CompareToggle
            label="Compare with the source"
            sides={['Before', 'After']}
            shown={compare.before ? 0 : 1}
            onShow={compare.onShow}
          />
        ) : null}
        {before?.picture && 'gone' in before.picture ? (
          <span class="muted" role="status">
            The source layer was deleted, so there is no Before to show.
          </span>
        ) : null}
      </div>
    </section>
  );
}
