/** `npm run bench`: prints every figure we hold ourselves to (DESIGN.md §9). Figures, not pass/fail. */
import { benchProxyLoad } from './proxy-load.js';
import { benchComposite } from './composite.js';
import { benchProxyOverhead } from './proxy-overhead.js';

const sections: [string, () => Promise<string[]>][] = [
  ['Proxy', () => benchProxyOverhead()],
  ['Team proxy: cache and load', () => benchProxyLoad()],
  ['Regional edits: compositing', () => benchComposite()],
];

for (const [name, run] of sections) {
  console.log(`\n## ${name}\n`);
  for (const line of await run()) console.log(line);
}
