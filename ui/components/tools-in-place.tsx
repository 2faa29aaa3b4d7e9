/**
 * The Image tools' one Apply in place, "Apply tools in place" (docs/image-tools.md#undo-and-apply-in-place): ticked,
 * Boost resolution, Remove background, Isolate object and Erase put their result into the layer's own image fill as
 * one ⌘Z instead of a new layer beside it, which stays the default. Expand makes a larger canvas, so it always adds a
 * layer. Offered for an image layer with no text on it (ui/apply-in-place-offered.ts); the tick belongs to the layer
 * it was given for. It is apart from the dock's Apply in place, which is Generate's (ui/components/apply-in-place.tsx).
 */

export interface ToolsInPlaceProps {
  /** The layer's name. */
  name: string;
  checked: boolean;
  /** Expand is offered for the selection too, so the line says it is not applied in place. */
  expandOffered: boolean;
  running: boolean;
  onChange(checked: boolean): void;
}

export function ToolsInPlace(props: ToolsInPlaceProps) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.running}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <span>
        Apply tools in place
        <span class="muted">
          {' '}
          · replace {props.name}’s image (⌘Z undoes it) instead of adding a layer
          {props.expandOffered ? '; Expand always adds one' : ''}
        </span>
      </span>
    </label>
  );
}
