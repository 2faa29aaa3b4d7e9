/**
 * Where a result came from, readable in the panel: AI-generated, by which model, when and by whom, that it carries
 * Google's SynthID watermark (docs/gemini-platform.md#capabilities-per-model: "All generated images include a SynthID
 * watermark"), and what it cost. Read from the turn record on the layer, so a teammate sees the same.
 */
import type { HistoryTurn } from '../../core/history-graph.js';
import type { PublicModel } from '../../core/proxy-schema.js';
import { describeFilters } from '../../core/tone-adjust.js';
import { formatUsage } from '../format.js';

export interface ProvenanceNoteProps {
  turn: HistoryTurn;
  /** The turn's place in its chain. */
  generation: number;
  /** The proxy's registry, for the model's label. */
  models: readonly PublicModel[];
}

export function ProvenanceNote({ turn, generation, models }: ProvenanceNoteProps) {
  const { record } = turn;
  const label = models.find((m) => m.id === record.provenance.model)?.label;
  const when = new Date(record.createdAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
  const filters = record.tool?.name === 'adjust' ? record.tool.filters : undefined;
  const adjusted = filters ? ` Adjusted with Figma’s own image filters (${describeFilters(filters)}), at no cost.` : '';
  const by = record.author ? ` by ${record.author.name}` : '';
  return (
    <section class="card provenance" aria-label="About this image">
      {record.provenance.aiGenerated ? (
        <>
          <strong>AI-generated image</strong>
          <p>
            Made with {label ? `${label}, ` : ''}
            <code>{record.provenance.model}</code>, on {when}
            {by}. It carries Google’s SynthID watermark, which marks it as AI-generated.{adjusted}
          </p>
        </>
      ) : (
        <>
          <strong>Not AI-generated</strong>
          <p>
            A copy of a layer no model made, on {when}
            {by}.{adjusted}
          </p>
        </>
      )}
      <p class="muted">
        Turn {generation} · {record.params.aspectRatio} · {record.params.imageSize} · {formatUsage(record.usage)}
      </p>
    </section>
  );
}
