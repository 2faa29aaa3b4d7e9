/**
 * `npm run bench`: prints every figure we hold ourselves to (docs/architecture.md#figures-we-hold-ourselves-to).
 * Figures, not pass/fail.
 */
import { benchConversationTokens } from './conversation-tokens.js';
import { benchProxyLoad } from './proxy-load.js';
import { benchComposite } from './composite.js';
import { benchLivePreview } from './live-preview.js';
import { benchProxyOverhead } from './proxy-overhead.js';
import { benchProxyScaleOut } from './proxy-scale-out.js';
import { benchProxySoak } from './proxy-soak.js';

const sections: [string, () => Promise<string[]>][] = [
  ['Proxy', () => benchProxyOverhead()],
  ['Proxy: live previews, time to the first draft', () => benchLivePreview()],
  ['Team proxy: cache and load', () => benchProxyLoad()],
  ['Scale-out: two instances on PostgreSQL, under load and faults', () => benchProxyScaleOut()],
  ['Soak: 20,000 requests, faults, aborts and a killed instance', () => benchProxySoak()],
  [
    'Soak on PostgreSQL: 5,000 requests, faults, aborts, a killed instance and a database restart',
    () => benchProxySoak(5000, 64, 'postgres'),
  ],
  ['Conversation context: input tokens', () => benchConversationTokens()],
  ['Regional edits: compositing', () => benchComposite()],
  ['Panel: image work for a 4K result (Chromium)', async () => (await import('./panel-image.js')).benchPanelImage()],
  [
    'Panel: Expand and Boost resolution at 4K (Chromium)',
    async () => (await import('./panel-tools.js')).benchPanelTools(),
  ],
  ['Panel: matte tools at 4K (Chromium)', async () => (await import('./panel-matte.js')).benchPanelMatte()],
  [
    'Panel: a batch of 40 frames over a selection (Chromium)',
    async () => (await import('./panel-batch.js')).benchPanelBatch(),
  ],
];

// `npm run bench -- scale` runs only the sections whose name contains "scale".
const only = process.argv[2]?.toLowerCase();
for (const [name, run] of sections) {
  if (only && !name.toLowerCase().includes(only)) continue;
  console.log(`\n## ${name}\n`);
  for (const line of await run()) console.log(line);
}
