/**
 * What `npm run build` hands to Figma: a manifest Figma accepts for a dynamic-page design plugin, and a sandbox
 * bundle that runs with only Figma's globals (no Node, no DOM). Figma itself is not here, so the bundle runs in a
 * bare `node:vm` context holding just `figma` (the double), `__html__` and Figma's console/timers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFakeUiPanel, createFigmaDouble, createSampleDocument } from '../dev/figma-double/index.js';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as Record<string, any>;
const code = readFileSync(new URL('dist/code.js', root), 'utf8');

describe('manifest.json', () => {
  it('declares a Figma Design plugin with dynamic page loading', () => {
    expect(manifest).toMatchObject({
      name: 'Banana Studio',
      api: '1.0.0',
      editorType: ['figma'],
      documentAccess: 'dynamic-page',
      main: 'dist/code.js',
      ui: 'dist/ui.html',
    });
    expect(typeof manifest.id).toBe('string');
    expect(existsSync(new URL(manifest.main, root))).toBe(true);
    expect(existsSync(new URL(manifest.ui, root))).toBe(true);
  });

  it('grants the network only to the proxy, with localhost for development only and a reason', () => {
    const access = manifest.networkAccess;
    expect(access.allowedDomains).toHaveLength(1);
    expect(access.allowedDomains[0]).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    expect(access.allowedDomains.join()).not.toMatch(/localhost|\*/);
    expect(access.devAllowedDomains).toEqual(['http://localhost:8787']);
    expect(access.reasoning.length).toBeGreaterThan(40);
  });

  it('has the relaunch button the plugin sets on results, and asks only for currentuser', () => {
    expect(manifest.relaunchButtons).toEqual([
      { command: 'open', name: 'Continue in Banana Studio', multipleSelection: false },
    ]);
    expect(code).toContain('Continue in Banana Studio');
    expect(manifest.permissions).toEqual(['currentuser']);
  });

  it('has only fields Figma documents', () => {
    const known = [
      'name',
      'id',
      'api',
      'editorType',
      'main',
      'ui',
      'documentAccess',
      'networkAccess',
      'permissions',
      'relaunchButtons',
      'menu',
      'parameters',
      'parameterOnly',
      'capabilities',
      'enableProposedApi',
      'enablePrivatePluginApi',
      'build',
    ];
    expect(Object.keys(manifest).filter((k) => !known.includes(k))).toEqual([]);
  });
});

describe('dist/manifest.json, the one Figma imports', () => {
  it('is the tracked manifest with main and ui relative to it, both there', () => {
    const built = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8')) as Record<string, any>;
    expect(built).toEqual({ ...manifest, main: 'code.js', ui: 'ui.html' });
    expect(existsSync(new URL(`dist/${built.main}`, root))).toBe(true);
    expect(existsSync(new URL(`dist/${built.ui}`, root))).toBe(true);
  });
});

describe('dist/code.js, the sandbox bundle', () => {
  it('mentions no Node or DOM global', () => {
    for (const pattern of [
      /\bprocess\.env\b/,
      /\brequire\(/,
      /\bdocument\.\w/,
      /\bwindow\.\w/,
      /\blocalStorage\b/,
      /\bXMLHttpRequest\b/,
      /\bBuffer\.\w/,
    ]) {
      expect(code).not.toMatch(pattern);
    }
  });

  it('starts in a context holding only Figma’s globals, opens the panel and answers it', async () => {
    const panel = createFakeUiPanel();
    const double = createFigmaDouble({ ui: panel });
    createSampleDocument(double.figma);
    const context = createContext({ figma: double.figma, __html__: '<p>panel</p>', console, setTimeout, clearTimeout });
    runInContext(code, context, { filename: 'code.js' });
    // The panel opens once its saved size is read from clientStorage (plugin/main.ts).
    for (let i = 0; i < 100 && !double.ui.options; i++) await double.flushAsync();
    expect(double.ui.options).toMatchObject({ themeColors: true });
    expect(double.ui.html).toBe('<p>panel</p>');
    panel.post({ type: 'LOAD_SETTINGS', requestId: 7 });
    let reply: any;
    for (let i = 0; i < 100 && !reply; i++) {
      await double.flushAsync();
      await new Promise((r) => setTimeout(r, 5));
      reply = (panel.received as any[]).find((m) => m?.type === 'REPLY' && m.requestId === 7);
    }
    expect(reply).toMatchObject({ ok: true, value: { proxyUrl: 'http://localhost:8787', token: '' } });
  });
});
