/**
 * The model lineup end to end in real Chromium: the playground's real panel against the real proxy in offline mode,
 * whose built-in Gemini double plays a key that can no longer reach the 2.5 models (`GEMINI_DOUBLE_UNREACHABLE`).
 * The proxy's start-up check leaves them out; the picker offers Nano Banana 2.1 first and marks the model Google is
 * retiring.
 */
import { describe, expect, it } from 'vitest';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

let pg: Playground;
// Each test's page must end with no page errors (checked after each test by pagePerTest).
usePlaygroundServers('banana-models-', { GEMINI_DOUBLE_UNREACHABLE: 'gemini-2.5-flash-image' }).pagePerTest(
  (opened) => ({ pg } = opened),
);

describe('the model picker', () => {
  it('offers what the key can reach, 2.1 first, and says which model is being retired', async () => {
    const picker = pg.panel.getByLabel('Model');
    await expect.poll(() => picker.inputValue()).toBe('gemini-nano-banana-2.1');
    expect(await picker.locator('option').allTextContents()).toEqual([
      'Nano Banana 2.1',
      'Nano Banana Pro (3 Pro Image)',
      'Nano Banana 2 (3.1 Flash Image) (being retired)',
    ]);
    await picker.selectOption('gemini-3.1-flash-image');
    await expect
      .poll(() => pg.panel.locator('.field .hint').allTextContents())
      .toContain('Google is retiring this model; Nano Banana 2.1 replaces it.');
  });
});
