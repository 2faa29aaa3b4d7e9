/**
 * The Image tools section with Expand and Boost resolution (docs/image-tools.md), wired: it reads the panel's state
 * into each tool's props and calls the tools' actions. Offered for one selected image or frame (and, for Expand, an
 * image with an empty frame drawn around it); the run's progress and Cancel are the dock's, as for Generate.
 */
import type { PanelProps } from './props.js';
import { expandPressOf } from '../actions/expand.js';
import { ExpandTool } from './expand-tool.js';

export function ImageToolsExpandBoost({ state, actions }: PanelProps) {
  const press = expandPressOf(state);
  if (!press) return null;
  const tools = state.expandBoost;
  const running = state.run.value !== null;
  const value = press.ok ? press.value : null;
  return (
    <section class="card tools" aria-label="Image tools">
      <p>
        <strong>Image tools</strong>
      </p>
      <ExpandTool
        frameName={value?.from.frame?.name ?? null}
        choice={tools.expandChoice.value}
        typedWidth={tools.typedWidth.value}
        typedHeight={tools.typedHeight.value}
        canvas={value?.plan.canvas ?? null}
        rangeUsd={value?.rangeUsd ?? null}
        refusal={press.ok ? null : press.error.message}
        running={running}
        onChoice={(choice) => (tools.expandChoice.value = choice)}
        onTypedWidth={(text) => (tools.typedWidth.value = text)}
        onTypedHeight={(text) => (tools.typedHeight.value = text)}
        onExpand={() => void actions.expandAsync()}
      />
    </section>
  );
}
