/**
 * The matte tools' row, wired: reads the panel's state into {@link MatteToolsRow}'s own props and hands it the
 * matte actions. A container like ui/components/main-view.tsx, which renders it, kept apart so the row is one line
 * there.
 */
import { planErase } from '../../core/erase-plan.js';
import { estimateTurnUsd } from '../../core/turn-estimate.js';
import { cutOutOfferOf } from '../cut-out-offer.js';
import { MatteToolsRow } from './matte-tools-row.js';
import type { PanelProps } from './props.js';

/** {@link MatteToolsRow} with the state's values and the matte actions. */
export function ImageToolsMatte({ state, actions }: PanelProps) {
  const hasShape = state.editInputs.value.region !== null;
  return (
    <MatteToolsRow
      offered={state.mode.value === 'edit' && state.target.value !== null}
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
  );
}
