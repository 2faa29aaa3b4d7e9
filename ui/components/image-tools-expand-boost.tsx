/**
 * The Image tools section with Expand and Boost resolution (docs/image-tools.md), wired: it reads the panel's state
 * into each tool's props and calls the tools' actions. Offered for one selected image or frame (and, for Expand, an
 * image with an empty frame drawn around it); the run's progress and Cancel are the dock's, as for Generate.
 */
import { useEffect } from 'preact/hooks';
import type { PanelProps } from './props.js';
import { boostPressOf, boostTargetOf } from '../actions/boost.js';
import { expandPressOf } from '../actions/expand.js';
import { BoostTool } from './boost-tool.js';
import { ExpandTool } from './expand-tool.js';

export function ImageToolsExpandBoost({ state, actions }: PanelProps) {
  const expand = expandPressOf(state);
  const boostTarget = boostTargetOf(state);
  const boostKey = boostTarget ? `${boostTarget.id} ${boostTarget.imageHash ?? ''}` : '';
  // The layer's pixels are read once per layer and image, for "before → after".
  useEffect(() => {
    if (boostKey !== '') void actions.readBoostBeforeAsync();
  }, [boostKey]);
  if (!expand && !boostTarget) return null;
  const tools = state.expandBoost;
  const running = state.run.value !== null;
  const value = expand?.ok ? expand.value : null;
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
    </section>
  );
}

/** Boost's row, wired. */
function BoostWired({ state, actions }: PanelProps) {
  const press = boostPressOf(state);
  const tools = state.expandBoost;
  const value = press?.ok ? press.value : null;
  const target = boostTargetOf(state)!;
  return (
    <BoostTool
      name={target.name}
      before={value?.plan.before ?? null}
      options={value?.plan.options ?? []}
      chosen={value?.plan.chosen ?? null}
      rangeUsd={value?.rangeUsd ?? null}
      refusal={press && !press.ok ? press.error.message : null}
      inPlaceOffered={value?.inPlaceOffered ?? false}
      inPlace={tools.boostInPlaceFor.value === target.id}
      running={state.run.value !== null}
      onSize={(size) => (tools.boostSize.value = size)}
      onInPlace={(checked) => (tools.boostInPlaceFor.value = checked ? target.id : null)}
      onBoost={() => void actions.boostAsync()}
    />
  );
}
