/**
 * What Generate will work on: the selected layer with its thumbnail, name and size, or nothing; and, for a result,
 * which turn of its conversation it is and what Generate will do with it (ui/components/conversation-line.tsx).
 */
import { useEffect, useMemo } from 'preact/hooks';
import { bytesToBase64 } from '../../core/base64.js';
import type { NodeSnapshot } from '../../core/messages.js';
import { formatSize } from '../format.js';
import type { Mode, Thumbnail } from '../state.js';
import { ConversationLine, type ConversationLineProps } from './conversation-line.js';

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
      <div class="thumb">{shown ? <img src={shown} alt={`Preview of ${target.name}`} /> : null}</div>
      <div class="details">
        <strong class="name" title={target.name}>
          {target.name}
        </strong>
        <span class="muted">
          {formatSize(target.width, target.height)} · {target.type.toLowerCase().replace('_', ' ')}
        </span>
        <ConversationLine {...props.conversation} />
      </div>
    </section>
  );
}
