/**
 * Settings' Test connection in real Chromium on the playground (the real sandbox bundle on the Figma double, the real
 * panel in its iframe) against the real proxy in offline mode: typed into the fields, checked without saving, and
 * each wrong part named in plain words.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
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
