/**
 * The main view while the selection is a batch (docs/batch.md): each selected frame edited on its own. The choice
 * between that and one edit, the model, the instruction, the variants per frame, and a Review button that opens
 * the confirm card with the cost; nothing runs before a Run there. Also the batch's note and the choice card as
 * the ordinary view shows them ({@link BatchNoteWired}, {@link BatchChoiceWired}).
 */
import { usageShortfall } from '../../core/batch-summary.js';
import { selectionKeyOf } from '../batch-derive.js';
import type { PanelProps } from './props.js';
import { BatchChoice } from './batch-choice.js';
import { BatchConfirm } from './batch-confirm.js';
import { BatchNote } from './batch-note.js';
import { ErrorBanner } from './error-banner.js';
import { ModelPickerWired } from './model-picker-wired.js';
import { PanelFooter } from './panel-footer.js';
import { PromptBox } from './prompt-box.js';
import { VariantCount } from './variant-count.js';
import type { ComponentChildren } from 'preact';

/** The batch's view; `jobs` is the Half-price jobs card, so a job just submitted shows here at once. */
export function BatchView({ state, actions, jobs }: PanelProps & { jobs?: ComponentChildren }) {
  const running = state.run.value !== null;
  const plan = state.batchPlan.value;
  const frames = plan?.frames.length ?? 0;
  return (
    <main class="stack">
      <BatchChoiceWired state={state} actions={actions} />
      {jobs}
      <div class="row">
        <ModelPickerWired state={state} />
      </div>
      <BatchNoteWired state={state} actions={actions} />
      <div class="dock">
        <PromptBox
          prompt={state.prompt.value}
          editing
          continuing={false}
          focusRequest={state.promptFocus.value}
          onPromptChange={(prompt) => (state.prompt.value = prompt)}
          onSend={actions.batch.review}
        />
        <ErrorBanner error={state.error.value} onDismiss={actions.dismissError} />
        {state.batch.confirming.value === selectionKeyOf(state.selection.value) && plan && !running ? (
          <BatchConfirm
            frames={frames}
            variants={plan.variants}
            standardUsd={plan.standardUsd}
            batchUsd={plan.batchUsd}
            shortfall={usageShortfall(state.usage.value, plan.calls, plan.standardUsd)}
            refused={plan.refused.map((r) => `“${r.frame.name}” is left out: ${r.reason}`)}
            onRunNow={() => void actions.batch.runNowAsync()}
            onHalfPrice={() => void actions.batch.submitAsync()}
            onBack={actions.batch.back}
          />
        ) : (
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={running || frames === 0}
              onClick={() => actions.batch.review()}
            >
              Review {frames} edits
            </button>
            <VariantCount
              count={state.variants.count.value}
              disabled={running}
              onChange={(count) => (state.variants.count.value = count)}
            />
            {state.batch.submitting.value ? (
              <>
                <span class="muted" role="status">
                  Preparing the half-price batch…
                </span>
                <button type="button" onClick={() => actions.cancel()}>
                  Cancel
                </button>
              </>
            ) : (
              <span class="hint">per frame</span>
            )}
          </div>
        )}
        <PanelFooter usage={state.usage.value} />
      </div>
    </main>
  );
}

/** The choice between each frame on its own and one edit, for a selection that can be either. */
export function BatchChoiceWired({ state, actions }: PanelProps) {
  const eligible = state.batchEligible.value;
  if (!eligible.ok) return null;
  return (
    <BatchChoice
      count={eligible.frames.length}
      each={state.batchActive.value}
      baseName={state.selectionRoles.value.base?.name ?? null}
      disabled={state.run.value !== null}
      onChoose={actions.batch.chooseEach}
    />
  );
}

/** The batch's progress and tally, and the half-price submit's note, wired. */
export function BatchNoteWired({ state, actions }: PanelProps) {
  const run = state.batch.run.value;
  return (
    <BatchNote
      run={run}
      submitted={state.batch.submitted.value}
      busy={state.run.value !== null && !(run?.running ?? false)}
      onCancel={actions.cancel}
      onRetry={() => void actions.batch.retryFailedAsync()}
      onSelect={(nodeIds) => void actions.selectNodesAsync(nodeIds)}
    />
  );
}
