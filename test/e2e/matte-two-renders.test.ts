/**
 * Remove background when no segmentation model answers, end to end in real Chromium: the playground against the real
 * proxy in offline mode whose Gemini double plays a key that cannot reach `gemini-2.5-flash` (the segmentation model;
 * `GEMINI_DOUBLE_UNREACHABLE`). The panel learns from `/v1/models` that there is no segmentation, shows the two-render
 * price before the press, and makes the matte from two image edits on white and on black
 * (dev/gemini-double/backdrop-answer.ts renders them). The placed image's bytes are the source export's own pixels with
 * a true alpha channel; two usage rows; a failure of one render and a Cancel leave the canvas as it was.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../core/cost-estimate.js';
import { decodePng, type RgbaImage } from '../../core/png.js';
import type { GenerateRequest, UsageMeResponse } from '../../core/proxy-schema.js';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

let page: Page;
let pg: Playground;
let sent: GenerateRequest[];
const servers = usePlaygroundServers('banana-e2e-two-renders-', { GEMINI_DOUBLE_UNREACHABLE: 'gemini-2.5-flash' });
servers.pagePerTest((opened) => ({ page, pg, sent } = opened));

const GRID = { format: 'PNG', constraint: { type: 'SCALE', value: 2 }, useAbsoluteBounds: true, colorProfile: 'SRGB' };

async function exportGridAsync(id: string): Promise<RgbaImage> {
  const base64 = await page.evaluate(
    ([nodeId, settings]) => window.bananaPlayground.exportPngWith(nodeId, settings as ExportSettingsImage),
    [id, GRID] as const,
  );
  return decodePng(Buffer.from(base64, 'base64'));
}

async function productIdAsync(): Promise<string> {
  return (await pg.nodes()).find((n) => n.name === 'Product shot')!.id;
}

async function usageAsync(): Promise<UsageMeResponse> {
  const res = await fetch(`${servers.proxy.url}/v1/usage/me`, {
    headers: { authorization: `Bearer ${servers.proxy.devToken}` },
  });
  return (await res.json()) as UsageMeResponse;
}

const alphaAt = (image: RgbaImage, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];

describe('Remove background by two renders', () => {
  it('the source’s pixels with a true alpha, priced and billed as two image edits', { timeout: 180_000 }, async () => {
    const product = await productIdAsync();
    const source = await exportGridAsync(product);
    await pg.select([product]);
    const button = pg.panel.getByRole('button', { name: 'Remove background' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const estimate = pg.panel.getByLabel('Remove background estimate');
    await expect.poll(() => estimate.innerText()).toMatch(/^· two renders ≈ \$0\.\d+$/);
    const usageBefore = await usageAsync();
    const before = await pg.nodes();
    await button.click();
    const result = await pg.waitForNewTopLayer(before);
    expect([result.width, result.height]).toEqual([600, 600]);

    // Two image edits went out, one on white and one on black, with the default image model.
    expect(sent.map((body) => body.prompt.match(/to solid pure (white|black)/)?.[1]).sort()).toEqual([
      'black',
      'white',
    ]);
    expect(new Set(sent.map((body) => body.model))).toEqual(new Set(['gemini-nano-banana-2.1']));
    const record = JSON.parse((await pg.pluginData(result.id))[TURN_RECORD_KEY]!) as TurnRecord;
    expect(record.tool).toEqual({ name: 'remove-background', matte: 'two-renders' });
    expect(record.prompt).toBe('Remove background');
    expect(record.model).toBe('gemini-nano-banana-2.1');

    const cut = decodePng(Buffer.from((await pg.imageFillBytes(result.id)) ?? '', 'base64'));
    expect([cut.width, cut.height]).toEqual([source.width, source.height]);
    const counts = { rgbChanged: 0, opaque: 0, opaqueChanged: 0, clear: 0, soft: 0 };
    for (let i = 0; i < source.width * source.height; i++) {
      const o = i * 4;
      if ([0, 1, 2].some((k) => cut.data[o + k] !== source.data[o + k])) counts.rgbChanged++;
      const a = cut.data[o + 3]!;
      if (a === 255) {
        counts.opaque++;
        if (source.data[o + 3] !== 255) counts.opaqueChanged++;
      } else if (a === 0) counts.clear++;
      else counts.soft++;
    }
    expect(counts.rgbChanged).toBe(0);
    expect(counts.opaqueChanged).toBe(0);
    expect(counts.opaque).toBeGreaterThan(100_000); // the bottle
    expect(counts.clear).toBeGreaterThan(800_000); // the backdrop
    expect(counts.soft).toBeGreaterThan(300); // its edge
    expect(alphaAt(cut, 600, 720)).toBe(255);
    expect(alphaAt(cut, 10, 10)).toBe(0);
    expect(await exportGridAsync(product)).toEqual(source);

    // Billed as two calls: two images in the usage, the record's cost their sum, shown in the result note.
    const usageAfter = await usageAsync();
    expect(usageAfter.day.images - usageBefore.day.images).toBe(2);
    expect(usageAfter.day.costUsd - usageBefore.day.costUsd).toBeCloseTo(record.usage.costUsd, 5);
    expect(record.usage.costUsd).toBeGreaterThan(0.05);
    await expect
      .poll(() => pg.panel.locator('p.note .cost').first().innerText())
      .toContain(formatUsd(record.usage.costUsd));
  });

  it('Isolate object by name: the renders keep only the named object', { timeout: 180_000 }, async () => {
    const product = await productIdAsync();
    const source = await exportGridAsync(product);
    await pg.select([product]);
    await pg.panel.getByLabel('Object to isolate').fill('the bottle');
    const button = pg.panel.getByRole('button', { name: 'Isolate object' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await expect.poll(() => pg.panel.getByLabel('Isolate estimate').innerText()).toMatch(/^· two renders ≈ \$0\.\d+$/);
    const before = await pg.nodes();
    await button.click();
    const result = await pg.waitForNewTopLayer(before);
    expect(
      sent.map((body) => body.prompt.startsWith('Using the provided image, change everything except the bottle to')),
    ).toEqual([true, true]);
    const record = JSON.parse((await pg.pluginData(result.id))[TURN_RECORD_KEY]!) as TurnRecord;
    expect(record.tool).toEqual({ name: 'isolate', matte: 'two-renders', object: 'the bottle' });
    const cut = decodePng(Buffer.from((await pg.imageFillBytes(result.id)) ?? '', 'base64'));
    let rgbChanged = 0;
    for (let i = 0; i < source.width * source.height; i++) {
      if ([0, 1, 2].some((k) => cut.data[i * 4 + k] !== source.data[i * 4 + k])) rgbChanged++;
    }
    expect(rgbChanged).toBe(0);
    expect(alphaAt(cut, 600, 720)).toBe(255);
    expect(alphaAt(cut, 10, 10)).toBe(0);
  });

  it('a render that fails, and a Cancel, leave the canvas as it was', { timeout: 180_000 }, async () => {
    const product = await productIdAsync();
    await pg.select([product]);
    const button = pg.panel.getByRole('button', { name: 'Remove background' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const before = await pg.nodes();
    // The black render is refused by Gemini's safety filters; the white one answers.
    await page.route('**/v1/generate', async (route: Route) => {
      const body = route.request().postDataJSON() as GenerateRequest;
      const black = body.prompt.includes('to solid pure black');
      await route.fallback(
        black ? { postData: JSON.stringify({ ...body, prompt: `${body.prompt} [double:image-safety]` }) } : {},
      );
    });
    await button.click();
    const banner = pg.panel.locator('.banner[data-code="safety_blocked"]');
    await banner.waitFor();
    // The white render answered (from the proxy's cache when the first test made it): it is said to be kept.
    expect(await banner.innerText()).toMatch(
      /^Gemini’s safety filters refused to remove this image’s background, so nothing was added\. Try another image\. The render on white (came from the proxy's cache, free|finished \(\$0\.\d+\); press again and the proxy's cache, when on, gives it back free)\./,
    );
    expect(await pg.nodes()).toEqual(before);

    // Both calls hang; Cancel: nothing is added, and the panel says what the pair may cost.
    await page.unroute('**/v1/generate');
    await page.route('**/v1/generate', () => undefined);
    await button.click();
    await expect.poll(() => sent.length, { timeout: 60_000 }).toBe(4); // both renders are on their way
    await pg.panel.getByRole('button', { name: 'Cancel' }).click();
    const cancelled = pg.panel.locator('.banner[data-code="cancelled"]');
    await cancelled.waitFor();
    expect(await cancelled.innerText()).toMatch(/may bill this call: ≈ \$0\.07/);
    expect(await pg.nodes()).toEqual(before);
  });
});
