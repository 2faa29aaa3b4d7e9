/** What Generate will work on: the selected layer with its thumbnail, name and size, or nothing. */
import { useMemo } from 'preact/hooks';
import { bytesToBase64 } from '../../core/base64.js';
import { formatSize } from '../format.js';
import type { PanelProps } from './props.js';

export function SelectionCard({ state }: PanelProps) {
  const mode = state.mode.value;
  const target = state.target.value;
  const thumbnail = state.targetThumbnail.value;
  const src = useMemo(
    () => (thumbnail ? `data:image/png;base64,${bytesToBase64(thumbnail.bytes)}` : null),
    [thumbnail],
  );
  if (mode === 'multiple') {
    return (
      <section class="card" aria-label="Selection">
        <p class="muted">{state.selectionCount.value} layers selected. Select one layer to edit it.</p>
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
      <div class="thumb">{src ? <img src={src} alt={`Preview of ${target.name}`} /> : null}</div>
      <div class="details">
        <strong class="name" title={target.name}>
          {target.name}
        </strong>
        <span class="muted">
          {formatSize(target.width, target.height)} · {target.type.toLowerCase().replace('_', ' ')}
        </span>
        <span class="muted">
          The result goes beside it; this layer is not changed.{target.hasTurn ? ' Made with Banana Studio.' : ''}
        </span>
      </div>
    </section>
  );
}
