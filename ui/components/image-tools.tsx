/**
 * The Image tools card (docs/image-tools.md), wired: Expand, Boost resolution, Remove background, Isolate object and
 * Erase, one click each on the selected image or frame, each with its cost before the press and, when it cannot run,
 * the reason next to it; and one Apply in place for the tools that keep the layer's size. It reads the panel's state
 * into each tool's props and calls the tools' actions; the run's progress and Cancel are the dock's, as for Generate.
 */
import { useEffect } from 'preact/hooks';
import { applyInPlaceOffered } from '../apply-in-place-offered.js';
import { boostPressOf, boostTargetOf } from '../actions/boost.js';
import { expandPressOf } from '../actions/expand.js';
import { planErase } from '../../core/erase-plan.js';
import { estimateTurnUsd } from '../../core/turn-estimate.js';
import { BoostTool } from './boost-tool.js';
import { ExpandTool } from './expand-tool.js';
import { cutOutOfferOf } from '../cut-out-offer.js';
import { MatteToolsRow } from './matte-tools-row.js';
import type { PanelProps } from './props.js';
import { ToolsInPlace } from './tools-in-place.js';

export function ImageTools({ state, actions }: PanelProps) {
  const expand = expandPressOf(state);
  const boostTarget = boostTargetOf(state);
  const boostKey = boostTarget ? `${boostTarget.id} ${boostTarget.imageHash ?? ''}` : '';
  // The layer's pixels are read once per layer and image, for "before → after".
  useEffect(() => {
    if (boostKey !== '') void actions.readBoostBeforeAsync();
  }, [boostKey]);
  const matteOffered = state.mode.value === 'edit' && state.target.value !== null;
  if (!expand && !boostTarget && !matteOffered) return null;
  const tools = state.expandBoost;
  const running = state.run.value !== null;
  const value = expand?.ok ? expand.value : null;
  const target = state.target.value;
  return (
    <section class="card tools" aria-label="Image tools">
      <p>
        <strong>Image tools</strong>
      </p>
      {expand && (
        <ExpandTool
          frameName={value?.from.frame?.name ?? null}
          choice={tools.expandChoice.value}
          typedWidth={tools.typedWidth.value}
          typedHeight={tools.typedHeight.value}
          canvas={value?.plan.canvas ?? null}
          rangeUsd={value?.rangeUsd ?? null}
          refusal={expand.ok ? null : expand.error.message}
          running={running}
          onChoice={(choice) => (tools.expandChoice.value = choice)}
          onTypedWidth={(text) => (tools.typedWidth.value = text)}
          onTypedHeight={(text) => (tools.typedHeight.value = text)}
          onExpand={() => void actions.expandAsync()}
        />
      )}
      {boostTarget && <BoostWired {...{ state, actions }} />}
      {matteOffered && <MatteWired {...{ state, actions }} />}
      {applyInPlaceOffered(target, 1) && (
        <ToolsInPlace
          name={target.name}
          checked={tools.inPlaceFor.value === target.id}
          expandOffered={expand !== null}
          running={running}
          onChange={(checked) => (tools.inPlaceFor.value = checked ? target.id : null)}
        />
      )}
    </section>
  );
}

/** Boost's row, wired. */
function BoostWired({ state, actions }: PanelProps) {
  const press = boostPressOf(state);
  const tools = state.expandBoost;
  const value = press?.ok ? press.value : null;
  return (
    <BoostTool
      before={value?.plan.before ?? null}
      options={value?.plan.options ?? []}
      chosen={value?.plan.chosen ?? null}
      rangeUsd={value?.rangeUsd ?? null}
      refusal={press && !press.ok ? press.error.message : null}
      running={state.run.value !== null}
      onSize={(size) => (tools.boostSize.value = size)}
      onBoost={() => void actions.boostAsync()}
    />
  );
}

/** Remove background, Isolate object and Erase, wired. */
function MatteWired({ state, actions }: PanelProps) {
  const hasShape = state.editInputs.value.region !== null;
  return (
    <>
      <strong>Cut-out and erase</strong>
      <MatteToolsRow
        offered
        hasShape={hasShape}
        running={state.run.value !== null}
        eraseEstimateUsd={hasShape ? estimateTurnUsd(planErase(state.model.value, state.plan.value)) : null}
        cutOut={cutOutOfferOf(state)}
        objectName={state.matte.objectName.value}
        onObjectNameChange={(name) => (state.matte.objectName.value = name)}
        onErase={() => void actions.matte.eraseAsync()}
        onRemoveBackground={() => void actions.matte.removeBackgroundAsync()}
        onIsolate={() => void actions.matte.isolateAsync()}
      />
      {hasShape && <p class="muted tool-refusal">{WHOLE_IMAGE_ONLY}</p>}
    </>
  );
}

/** Why, with a shape selected, the tools that work on the whole image are off or gone. */
const WHOLE_IMAGE_ONLY =
  'Expand, Boost resolution and Remove background work on the whole image: select it without the shape.';
