/**
 * The main flow, wired: reads the panel's state into each part's own props and hands each part the actions it may
 * call, so the parts themselves never see the whole state. Inputs that only set a value set its signal here.
 */
import type { PanelProps } from './props.js';
import { ApplyInPlace } from './apply-in-place.js';
import { BatchChoiceWired, BatchNoteWired, BatchView } from './batch-view.js';
import { BatchJobsCard } from './batch-jobs-card.js';
import { BrandSection } from './brand-section.js';
import { ComponentSetCard } from './component-set-card.js';
import { ErrorBanner } from './error-banner.js';
import { GenerateBar } from './generate-bar.js';
import { ImageTools } from './image-tools.js';
import { ModelPickerWired } from './model-picker-wired.js';
import { PanelFooter } from './panel-footer.js';
import { PromptBox } from './prompt-box.js';
import { RatioPicker } from './ratio-picker.js';
import { regionOutline } from '../../core/region-outline.js';
import { ReferenceList } from './reference-list.js';
import { ResultNote } from './result-note.js';
import { SelectionCard } from './selection-card.js';
import { pairCompareOf, selectionCompareOf } from './selection-compare.js';
import { SelectionKindCard } from './selection-kind-card.js';
import { StylePresets } from './style-presets.js';
import { ToneOfferCard } from './tone-offer.js';
import { VariantNote } from './variant-note.js';

export function MainView({ state, actions }: PanelProps) {
  // Each selected frame on its own (docs/batch.md): a view of its own, so no single edit is offered meanwhile.
  if (state.batchActive.value) {
    return <BatchView state={state} actions={actions} jobs={<BatchJobsWired state={state} actions={actions} />} />;
  }
  const editing = state.mode.value === 'edit';
  const running = state.run.value !== null;
  const offered = isOffered(state);
  return (
    <main class="stack">
      <BatchChoiceWired state={state} actions={actions} />
      <BatchJobsWired state={state} actions={actions} />
      <SelectionWired state={state} actions={actions} />
      <ReferenceList
        mode={state.mode.value}
        selection={state.selection.value}
        roles={state.selectionRoles.value}
        inputs={state.editInputs.value}
        pinned={state.precision.pinned.value}
        base={state.target.value}
        precision={actions.precision}
      />
      <ComponentSetCard
        made={state.variants.componentSet.value}
        targetId={
          state.target.value?.id ?? (state.selectionCount.value === 1 ? state.selection.value[0]?.id : null) ?? null
        }
        selection={state.selection.value}
        selectionCount={state.selectionCount.value}
        mode={state.mode.value}
        making={state.variants.making.value}
        running={running}
        onMake={() => void actions.makeComponentSetAsync()}
        onCheckPublished={() => void actions.checkPublishStatusAsync()}
      />
      <ImageTools state={state} actions={actions} />
      {offered && (
        <StylePresets editing={editing} prompt={state.prompt.value} onApply={actions.precision.applyStylePreset} />
      )}
      {offered && <ModelRowWired state={state} actions={actions} />}
      {offered && <BrandSection state={state} brand={actions.brand} />}
      <ResultNote result={state.lastResult.value} running={running} onShow={() => void actions.selectResultAsync()} />
      <VariantNote
        batch={state.variants.lastBatch.value}
        running={running}
        onSelect={(nodeIds) => void actions.selectNodesAsync(nodeIds)}
        onRetry={(indices) => void actions.rerunVariantsAsync(indices, false)}
        onRegenerate={(index) => void actions.rerunVariantsAsync([index], true)}
      />
      <BatchNoteWired state={state} actions={actions} />
      <DockWired state={state} actions={actions} />
    </main>
  );
}

/** Only what works for the selection is offered (core/selection-kind.ts); a run under way keeps its bar. */
function isOffered(state: PanelProps['state']): boolean {
  return state.mode.value !== 'multiple' || state.run.value !== null;
}

/** The model and the ratio and size pickers, wired. */
function ModelRowWired({ state }: PanelProps) {
  const editing = state.mode.value === 'edit';
  return (
    <div class="row">
      <ModelPickerWired state={state} />
      <RatioPicker
        editing={editing}
        model={state.model.value}
        plan={state.plan.value}
        aspectRatio={state.aspectRatio.value}
        imageSize={state.imageSize.value}
        onAspectRatioChange={(ratio) => (state.aspectRatio.value = ratio)}
        onImageSizeChange={(size) => (state.imageSize.value = size)}
      />
    </div>
  );
}

/** The prompt, Generate, the count, the estimate and what is left: always in view at the bottom (styles.css .dock). */
function DockWired({ state, actions }: PanelProps) {
  const editing = state.mode.value === 'edit';
  const offered = isOffered(state);
  return (
    <div class="dock">
      {offered && (
        <PromptBox
          prompt={state.prompt.value}
          editing={editing}
          continuing={state.targetTurn.value !== null}
          focusRequest={state.promptFocus.value}
          onPromptChange={(prompt) => (state.prompt.value = prompt)}
          onSend={() => void actions.generateAsync()}
        />
      )}
      {offered && (
        <ToneOfferCard
          offer={state.toneOffer.value}
          busy={state.run.value !== null || state.adjusting.value}
          onAdjust={() => void actions.adjustAsync()}
        />
      )}
      <ErrorBanner error={state.error.value} onDismiss={actions.dismissError} />
      <ApplyInPlace state={state} />
      {offered && (
        <GenerateBar
          run={state.run.value}
          variantProgress={state.variants.progress.value}
          estimateUsd={state.estimateUsd.value}
          estimateRangeUsd={state.estimateRangeUsd.value}
          variantCount={state.variants.count.value}
          onGenerate={() => void actions.generateAsync()}
          onVariantCountChange={(count) => (state.variants.count.value = count)}
          onCancel={actions.cancel}
        />
      )}
      <PanelFooter usage={state.usage.value} />
    </div>
  );
}

/** The "Half-price jobs" card, wired (ui/actions/batch-jobs.ts). */
function BatchJobsWired({ state, actions }: PanelProps) {
  const jobs = state.batchJobs;
  const act = actions.batchJobs;
  return (
    <BatchJobsCard
      jobs={jobs.jobs.value}
      outcomes={jobs.outcomes.value}
      dismissed={jobs.dismissed.value}
      checking={jobs.checking.value}
      error={jobs.error.value}
      busy={jobs.busy.value}
      nowMs={Date.now()}
      onCheck={() => void act.checkAsync()}
      onPlace={(id, anyway) => void act.placeAsync(id, anyway)}
      onCancel={(id) => void act.cancelAsync(id)}
      onDismiss={act.dismiss}
    />
  );
}

/** The selection card, wired. */
function SelectionWired({ state, actions }: PanelProps) {
  const target = state.target.value;
  const turn = state.targetTurn.value;
  const damage = state.targetDamage.value;
  const chain = state.targetChain.value;
  const region = state.editInputs.value.region;
  // Read the History view only where the line shows it, as it always was: reading it also moves what it keeps
  // showing once nothing is selected (ui/state.ts), so reading it more often would change what History shows.
  const hasHistory = target !== null && !damage && !(turn && chain) && state.historyView.value !== null;
  const kind = state.selectionKind.value;
  if (kind.kind !== 'none' && kind.kind !== 'edit') {
    return (
      <SelectionKindCard
        kind={kind}
        onSelect={(nodeIds) => void actions.selectNodesAsync(nodeIds)}
        pair={pairCompareOf({ state, actions })}
      />
    );
  }
  return (
    <SelectionCard
      mode={state.mode.value}
      target={target}
      thumbnail={state.targetThumbnail.value}
      firstSelectedId={state.regionHost.value?.id ?? state.selection.value[0]?.id}
      selectionCount={state.selectionCount.value}
      thumbnails={state.thumbnails.value}
      onLoadThumbnailsAsync={actions.loadThumbnailsAsync}
      conversation={{ turn, damage, chain, hasHistory, onShowHistory: () => actions.showView('history') }}
      region={region && target ? { name: region.name, outline: regionOutline(region, target) } : null}
      compare={selectionCompareOf({ state, actions })}
    />
  );
}
