/**
 * The panel's components in real Chromium, rendered by Preact into a page: the leaf components do what their own
 * props say (a button's disabled state, the callback a control calls and with what), and the main view wires each
 * input to the one signal it is for (an input bound to the wrong signal fails here). The sandbox is not there: the
 * panel's bridge posts into nothing, and nothing here sends a request.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowserAsync } from '../../support/browser.js';
import { openModulePageAsync } from '../../support/module-page.js';
import { publicModels } from '../fixtures.js';

const ENTRY = `
import { h, render } from 'preact';
import { createActions } from './ui/actions/index.ts';
import { createPanelBridge } from './ui/bridge.ts';
import { GenerateBar } from './ui/components/generate-bar.tsx';
import { MainView } from './ui/components/main-view.tsx';
import { ModelPicker } from './ui/components/model-picker.tsx';
import { fitImageWithCanvasAsync } from './ui/image/canvas-fitter.ts';
import { createProxyClient } from './ui/proxy-client.ts';
import { createAppState } from './ui/state.ts';

// The script runs in the page's head, before there is a body: the root is made on first use.
const root = document.createElement('div');
const mount = (vnode) => {
  if (!root.isConnected) document.body.append(root);
  render(vnode, root);
};
const host = { parent: { postMessage() {} }, addEventListener() {}, removeEventListener() {} };
let state = null;
const calls = [];
const record = (name) => (...args) => calls.push([name, ...args]);

window.wiring = {
  mountMain(models) {
    mount(null);
    state = createAppState();
    const actions = createActions({
      state,
      bridge: createPanelBridge(host),
      proxyFor: (settings) => createProxyClient(settings),
      fitImage: fitImageWithCanvasAsync,
      now: () => Date.now(),
    });
    state.models.value = models;
    state.modelId.value = models[0].id;
    mount(h(MainView, { state, actions }));
  },
  /** Every value an input of the main view could write, so a test sees which one changed. */
  read() {
    return {
      prompt: state.prompt.value,
      modelId: state.modelId.value,
      modelNote: state.modelNote.value,
      aspectRatio: state.aspectRatio.value,
      imageSize: state.imageSize.value,
      variantCount: state.variants.count.value,
    };
  },
  set(name, value) {
    state[name].value = value;
  },
  mountModelPicker(models, modelId) {
    calls.length = 0;
    const current = models.find((m) => m.id === modelId) ?? null;
    mount(h(ModelPicker, { models, loading: false, modelId, current, note: null, onChange: record('onChange') }));
  },
  mountGenerateBar(running) {
    calls.length = 0;
    const run = running ? { startedAt: Date.now(), controller: new AbortController(), step: 'generating' } : null;
    mount(
      h(GenerateBar, {
        run,
        variantProgress: null,
        estimateUsd: 0.04,
        variantCount: 1,
        onGenerate: record('onGenerate'),
        onVariantCountChange: record('onVariantCountChange'),
        onCancel: record('onCancel'),
      }),
    );
  },
  calls() {
    return calls;
  },
};
`;

type Values = Record<string, unknown>;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowserAsync();
  page = await openModulePageAsync(browser, ENTRY, 'wiring');
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const models = publicModels.models;
const read = () => page.evaluate(() => (window as unknown as { wiring: { read(): Values } }).wiring.read());
const calls = () => page.evaluate(() => (window as unknown as { wiring: { calls(): unknown[][] } }).wiring.calls());
const call = (name: string, ...args: unknown[]) =>
  page.evaluate(
    ([n, a]) => (window as unknown as { wiring: Record<string, (...x: unknown[]) => void> }).wiring[n as string]!(...a),
    [name, args] as const,
  );

describe('the main view wires each input to its own signal', () => {
  it('typing in the prompt box sets the prompt, and only the prompt', async () => {
    await call('mountMain', models);
    const before = await read();
    await page.fill('#prompt', 'warmer light');
    expect(await read()).toEqual({ ...before, prompt: 'warmer light' });
  });

  it('the prompt box shows the prompt signal as it changes', async () => {
    await call('mountMain', models);
    await call('set', 'prompt', 'navy jacket');
    await page.waitForFunction(() => document.querySelector('textarea')?.value === 'navy jacket');
    expect(await page.inputValue('#prompt')).toBe('navy jacket');
  });

  it('picking a model sets the model id and clears the note about a moved pick', async () => {
    await call('mountMain', models);
    await call('set', 'modelNote', 'Your model left the list; this one replaces it.');
    await page.waitForSelector('.hint.note');
    const before = await read();
    const other = models[1]!.id;
    await page.selectOption('#model', other);
    expect(await read()).toEqual({ ...before, modelId: other, modelNote: null });
    await page.waitForSelector('.hint.note', { state: 'detached' });
  });
});

describe('ModelPicker', () => {
  it('calls onChange with the id of the model picked', async () => {
    await call('mountModelPicker', models, models[0]!.id);
    await page.selectOption('#model', models[1]!.id);
    expect(await calls()).toEqual([['onChange', models[1]!.id]]);
  });

  it('shows the model its props pick, with its hint; a model being retired names its replacement', async () => {
    const current = models.find((m) => m.status === 'current' && m !== models[0])!;
    await call('mountModelPicker', models, current.id);
    expect(await page.inputValue('#model')).toBe(current.id);
    expect(await page.locator('.field .hint').textContent()).toBe(current.description);
    const retiring = models.find((m) => m.status === 'deprecated')!;
    const replacement = models.find((m) => m.id === retiring.replacement)!;
    await call('mountModelPicker', models, retiring.id);
    expect(await page.inputValue('#model')).toBe(retiring.id);
    expect(await page.locator('.field .hint').textContent()).toBe(
      `Google is retiring this model; ${replacement.label} replaces it.`,
    );
    expect(await page.locator(`option[value="${retiring.id}"]`).textContent()).toBe(
      `${retiring.label} (being retired)`,
    );
  });
});

describe('GenerateBar', () => {
  it('enables Generate when nothing runs, and calls onGenerate when pressed', async () => {
    await call('mountGenerateBar', false);
    const generate = page.getByRole('button', { name: 'Generate' });
    expect(await generate.isDisabled()).toBe(false);
    await generate.click();
    await page.selectOption('select.variant-count', '3');
    expect(await calls()).toEqual([['onGenerate'], ['onVariantCountChange', 3]]);
  });

  it('disables Generate and the variant count while a run is on, and shows its progress with Cancel', async () => {
    await call('mountGenerateBar', true);
    expect(await page.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true);
    expect(await page.locator('select.variant-count').isDisabled()).toBe(true);
    expect(await page.locator('.progress').textContent()).toContain('Generating…');
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await calls()).toEqual([['onCancel']]);
  });
});
