/**
 * The component set just made (ui/components/component-set-card.tsx shows it while the set is selected): what it
 * holds, whether it is published, and that publishing is a person's step in Figma's Assets panel, because plugins
 * cannot publish (docs/figma-platform.md#plugins-cannot-publish).
 */
import type { ComponentSetMade, PublishStatus } from '../../core/messages.js';

const STATUS_WORDS: Record<PublishStatus, string> = {
  UNPUBLISHED: 'Not published yet.',
  CURRENT: 'Published, and up to date.',
  CHANGED: 'Changed since it was last published.',
};

/** The set's name, variants and properties, its publish status, and a button to read that status again. */
export function MadeSet({ made, onCheckPublished }: { made: ComponentSetMade; onCheckPublished(): void }) {
  const count = made.componentIds.length;
  const properties = Object.entries(made.properties)
    .map(([name, values]) => `${name}: ${values.join(', ')}`)
    .join(' · ');
  return (
    <section class="card component-set" aria-label="Component set">
      <p>
        <strong>Made component set</strong> “{made.name}”
      </p>
      <p class="muted">
        {count === 1 ? '1 variant' : `${count} variants`} · {properties}. Each keeps its turn, so it can be continued.
      </p>
      <p data-status={made.publishStatus ?? 'unknown'}>
        {made.publishStatus ? STATUS_WORDS[made.publishStatus] : 'Figma did not say whether it is published.'} Plugins
        cannot publish: to share it with your team, publish it from Figma’s Assets panel.
      </p>
      <div class="actions">
        <button type="button" onClick={() => onCheckPublished()}>
          Check again
        </button>
      </div>
    </section>
  );
}
