/**
 * The keys that stop a run, in real Chromium on the playground (the real sandbox bundle on the Figma double, the
 * real panel in its iframe, the real proxy in offline mode): Esc cancels a slow Generate, ⌘Z / Ctrl+Z cancels it
 * first and then undoes as before. The Gemini double's `[double:slow:3000]` holds the answer back for three seconds.
 */
import { describe, expect, it } from 'vitest';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-panel-keys-');
let pg: Playground;
servers.pagePerTest((opened) => ({ pg } = opened));

const SLOW = 'a slow picture [double:slow:3000]';

/** Types the prompt key by key, presses Generate and waits until the run is under way. */
async function startSlowRunAsync(): Promise<void> {
  const prompt = pg.panel.getByRole('textbox', { name: 'Prompt' });
  await prompt.pressSequentially(SLOW);
  await pg.panel.getByRole('button', { name: 'Generate' }).click();
  await pg.panel.getByRole('button', { name: 'Cancel' }).waitFor();
}

/** The run ended cancelled, and after the slow answer would have come, nothing was added. */
async function expectCancelledAsync(before: Awaited<ReturnType<Playground['nodes']>>): Promise<void> {
  await expect
    .poll(() =>
      pg.panel
        .locator('.banner[data-code="cancelled"]')
        .innerText({ timeout: 1000 })
        .catch(() => ''),
    )
    .toMatch(/^The request was cancelled\. Nothing was added to the canvas\./);
  expect(await pg.panel.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true);
  await pg.page.waitForTimeout(3500);
  expect(await pg.nodes()).toEqual(before);
}

describe('keys while a Generate runs', () => {
  it('Esc cancels it', { timeout: 30_000 }, async () => {
    const before = await pg.nodes();
    await startSlowRunAsync();
    await pg.panel.getByRole('button', { name: 'Cancel' }).focus();
    await pg.page.keyboard.press('Escape');
    await expectCancelledAsync(before);
  });

  it('⌘Z / Ctrl+Z cancels it first, and the next one undoes the typing as before', { timeout: 30_000 }, async () => {
    const before = await pg.nodes();
    await startSlowRunAsync();
    const prompt = pg.panel.getByRole('textbox', { name: 'Prompt' });
    await prompt.focus();
    await pg.page.keyboard.press('ControlOrMeta+z');
    await expectCancelledAsync(before);
    // The press that cancelled did not also undo the prompt's text; the next one does.
    expect(await prompt.inputValue()).toBe(SLOW);
    await prompt.focus();
    await pg.page.keyboard.press('ControlOrMeta+z');
    expect(await prompt.inputValue()).not.toBe(SLOW);
  });

  it('Esc with nothing running changes nothing', { timeout: 30_000 }, async () => {
    const prompt = pg.panel.getByRole('textbox', { name: 'Prompt' });
    await prompt.pressSequentially('a cat');
    await pg.page.keyboard.press('Escape');
    expect(await prompt.inputValue()).toBe('a cat');
    expect(await pg.panel.locator('.banner').count()).toBe(0);
  });
});
