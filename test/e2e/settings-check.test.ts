/**
 * Settings' Test connection in real Chromium on the playground (the real sandbox bundle on the Figma double, the real
 * panel in its iframe) against the real proxy in offline mode: typed into the fields, checked without saving, and
 * each wrong part named in plain words.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startProxy } from '../../proxy/server.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

const servers = usePlaygroundServers('banana-e2e-settings-check-');
let pg: Playground;
servers.pagePerTest((opened) => ({ pg } = opened));

/** A loopback port nothing listens on (it was free a moment ago). */
async function deadPortAsync(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Opens Settings, types what is given over the fields, presses Test connection and returns what it said. */
async function testConnectionAsync(typed: { url?: string; token?: string }): Promise<{ part: string; text: string }> {
  await pg.panel.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  if (typed.url !== undefined) await pg.panel.getByLabel('Proxy URL').fill(typed.url);
  if (typed.token !== undefined) await pg.panel.getByLabel('Team token').fill(typed.token);
  await pg.panel.getByRole('button', { name: 'Test connection' }).click();
  const report = pg.panel.locator('.connection-report');
  await report.waitFor({ timeout: 20_000 });
  return { part: (await report.getAttribute('data-part'))!, text: await report.innerText() };
}

async function storedSettingsAsync(): Promise<unknown> {
  return pg.page.evaluate(() =>
    (window as unknown as { figma: PluginAPI }).figma.clientStorage.getAsync('banana.settings'),
  );
}

describe('Test connection', () => {
  it('says Connected, with the mode and what is left today, for a good proxy and token', async () => {
    const report = await testConnectionAsync({});
    expect(report.part).toBe('none');
    expect(report.text).toMatch(/^Connected: offline double, (\d+ images? left today|no daily image limit)\.$/);
  });

  it('names the token when the proxy refuses it, and saves nothing', async () => {
    const before = await storedSettingsAsync();
    const report = await testConnectionAsync({ token: 'not-a-real-token' });
    expect(report.part).toBe('token');
    expect(report.text).toMatch(/answers \(offline double\), but it refused this team token\. Check it/);
    expect(await storedSettingsAsync()).toEqual(before);
  });

  it('names the URL when it is not a web address', async () => {
    const report = await testConnectionAsync({ url: 'banana dot example' });
    expect(report.part).toBe('url');
    expect(report.text).toMatch(/^"banana dot example" is not a web address\./);
  });

  it('names the URL when what answers there is not a Banana Studio proxy', async () => {
    const report = await testConnectionAsync({ url: `${servers.proxy.url}/playground` });
    expect(report.part).toBe('url');
    expect(report.text).toMatch(/but it is not a Banana Studio proxy\. Check the URL/);
  });

  it('names network access for a port nothing listens on that this build may not reach', async () => {
    // The development build may reach http://localhost:8787 only (the manifest's devAllowedDomains): in Figma any
    // other address is blocked before the network, so that is what is said, whatever is listening there.
    const url = `http://127.0.0.1:${await deadPortAsync()}`;
    const report = await testConnectionAsync({ url });
    expect(report.part).toBe('network');
    expect(report.text).toMatch(
      new RegExp(`^Could not reach ${url.replace(/[.:/]/g, '\\$&')}: this build .* may only reach`),
    );
  });
});

describe('a proxy that dies mid-request', () => {
  it('says the connection dropped and what it may cost, not "check the proxy URL"', { timeout: 60_000 }, async () => {
    // A second proxy of its own, to kill while it works on a slow answer; the panel is pointed at it in Settings.
    const doomed = await startProxy(
      { PORT: '0', BANANA_DATA_DIR: mkdtempSync(join(tmpdir(), 'banana-e2e-doomed-')) },
      { writeLog: () => {} },
    );
    await pg.panel.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await pg.panel.getByLabel('Proxy URL').fill(doomed.url);
    await pg.panel.getByLabel('Team token').fill(doomed.devToken!);
    await pg.panel.getByRole('button', { name: 'Save' }).click();
    await pg.panel.getByText('Saved.').waitFor();
    await pg.panel.getByRole('button', { name: 'Back' }).click();
    const before = await pg.nodes();
    await pg.generate('a slow picture [double:slow:5000]');
    // A live answer's stage line (docs/proxy-api.md): the call is with Gemini.
    await expect.poll(() => pg.panel.locator('.progress').innerText()).toMatch(/Generating|Thinking/);
    await doomed.close();
    const banner = pg.panel.locator('.banner[data-code="connection_dropped"]');
    await banner.waitFor({ timeout: 20_000 });
    const text = await banner.innerText();
    expect(text).toMatch(new RegExp(`^The connection to the proxy at ${doomed.url.replace(/[.:/]/g, '\\$&')} dropped`));
    expect(text).toMatch(/Gemini may bill this call: ≈ \$0\.\d+/);
    expect(text).not.toMatch(/proxy URL/);
    expect(await pg.nodes()).toEqual(before);
  });
});
