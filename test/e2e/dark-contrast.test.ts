/**
 * The panel stays readable in Figma's dark theme, in real Chromium: the playground's Theme switch gives the panel
 * Figma's `figma-dark` class and variables (dev/playground/figma-theme.ts) while the system's setting stays light,
 * as a designer with a light desktop and a dark Figma has it. The offline badge's text must stand out from its own
 * background by WCAG's 4.5 : 1 for small text, in light and in dark.
 */
import { describe, expect, it } from 'vitest';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-dark-contrast-');
let pg: Playground;
servers.pagePerTest((opened) => ({ pg } = opened));

/** WCAG 2 contrast ratio of the element's text colour against its own background colour, as Chromium computes them. */
async function badgeContrastAsync(): Promise<number> {
  return pg.panel.locator('.badge.offline').evaluate((badge) => {
    const style = getComputedStyle(badge);
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r, g, b] = channels(colour).map((c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

describe('the offline badge', () => {
  it('reads clearly in light and in Figma’s dark theme', async () => {
    await pg.panel.locator('.badge.offline').waitFor();
    expect(await badgeContrastAsync()).toBeGreaterThanOrEqual(4.5);
    await pg.page.getByRole('button', { name: 'Theme' }).click();
    await pg.panel.locator('html.figma-dark').waitFor({ state: 'attached' });
    await pg.panel.locator('.badge.offline').waitFor();
    expect(await badgeContrastAsync()).toBeGreaterThanOrEqual(4.5);
  });
});
