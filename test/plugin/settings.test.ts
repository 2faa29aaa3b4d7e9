import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY } from '../../plugin/settings-store.js';
import { CLIENT_STORAGE_LIMIT_BYTES } from '../../dev/figma-double/index.js';
import { startPlugin, valueOf } from './harness.js';

describe('settings through clientStorage', () => {
  it('loads the defaults on a fresh install', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({ type: 'LOAD_SETTINGS' });
    expect(valueOf(reply)).toEqual({ proxyUrl: 'http://localhost:8787', token: '' });
  });

  it('saves, then loads the same settings, and keeps them in clientStorage', async () => {
    const h = startPlugin();
    const settings = { proxyUrl: 'https://banana.example.com', token: 'bs_team_123' };
    expect(valueOf(await h.requestAsync({ type: 'SAVE_SETTINGS', settings }))).toEqual(settings);
    expect(valueOf(await h.requestAsync({ type: 'LOAD_SETTINGS' }))).toEqual(settings);
    expect(await h.figma.clientStorage.getAsync(SETTINGS_KEY)).toEqual(settings);
  });

  it('keeps the Brand toggle with the settings once it is set', async () => {
    const h = startPlugin();
    const settings = { proxyUrl: 'https://banana.example.com', token: 'bs_team_123', brand: true };
    expect(valueOf(await h.requestAsync({ type: 'SAVE_SETTINGS', settings }))).toEqual(settings);
    expect(await h.figma.clientStorage.getAsync(SETTINGS_KEY)).toEqual(settings);
  });

  it('finds saved settings when the plugin runs again on this machine', async () => {
    const stored = { proxyUrl: 'https://banana.example.com', token: 'bs_team_123' };
    const h = startPlugin({ clientStorage: { [SETTINGS_KEY]: stored } });
    expect(valueOf(await h.requestAsync({ type: 'LOAD_SETTINGS' }))).toEqual(stored);
  });

  it('falls back to the defaults when what is stored is unreadable', async () => {
    const h = startPlugin({ clientStorage: { [SETTINGS_KEY]: { proxyUrl: 42 } } });
    expect(valueOf(await h.requestAsync({ type: 'LOAD_SETTINGS' }))).toEqual({
      proxyUrl: 'http://localhost:8787',
      token: '',
    });
  });

  it('refuses invalid settings with bad_message and stores nothing', async () => {
    const h = startPlugin();
    const reply = await h.requestAsync({
      type: 'SAVE_SETTINGS',
      settings: { proxyUrl: 'javascript:alert(1)', token: '' },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_message' } });
    expect(await h.figma.clientStorage.getAsync(SETTINGS_KEY)).toBeUndefined();
  });

  it('answers a failed write with an error reply instead of crashing', async () => {
    const h = startPlugin({ clientStorage: { filler: 'x'.repeat(CLIENT_STORAGE_LIMIT_BYTES - 100) } });
    const reply = await h.requestAsync({
      type: 'SAVE_SETTINGS',
      settings: { proxyUrl: 'https://banana.example.com', token: 't'.repeat(400) },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    if (!reply.ok) expect(reply.error.message).toMatch(/quota exceeded/);
    // The plugin still answers.
    expect(valueOf(await h.requestAsync({ type: 'LOAD_SETTINGS' }))).toMatchObject({ token: '' });
  });
});
