import { describe, expect, it } from 'vitest';
import { createPanelBridge, type BridgeHost, type PushMessage } from '../../ui/bridge.js';

/** The panel's window as Figma's relay sees it: what the panel posts, and a way to deliver sandbox messages. */
function createHost() {
  const events = new EventTarget();
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const host: BridgeHost = {
    parent: { postMessage: (message, targetOrigin) => posted.push({ message, targetOrigin }) },
    addEventListener: (type, listener) => events.addEventListener(type, listener as EventListener),
    removeEventListener: (type, listener) => events.removeEventListener(type, listener as EventListener),
  };
  const deliver = (data: unknown): void => void events.dispatchEvent(new MessageEvent('message', { data }));
  const fromSandbox = (pluginMessage: unknown): void => deliver({ pluginMessage });
  const lastRequest = () => (posted.at(-1)!.message as { pluginMessage: { requestId: number } }).pluginMessage;
  return { host, posted, deliver, fromSandbox, lastRequest };
}

const settings = { proxyUrl: 'http://localhost:8787', token: 'tok' };

describe('createPanelBridge requests', () => {
  it('posts a request with a requestId and resolves with the validated reply', async () => {
    const { host, posted, fromSandbox, lastRequest } = createHost();
    const bridge = createPanelBridge(host);
    const pending = bridge.request('LOAD_SETTINGS', {});
    expect(posted).toEqual([
      { message: { pluginMessage: { type: 'LOAD_SETTINGS', requestId: 1 } }, targetOrigin: '*' },
    ]);
    fromSandbox({ type: 'REPLY', requestId: lastRequest().requestId, ok: true, value: settings });
    expect(await pending).toEqual({ ok: true, value: settings });
  });

  it('numbers requests uniquely and matches replies out of order', async () => {
    const { host, posted, fromSandbox } = createHost();
    const bridge = createPanelBridge(host);
    const first = bridge.request('READ_TURN', { nodeId: '1:2' });
    const second = bridge.request('SELECT_NODES', { nodeIds: ['1:2'] });
    const ids = posted.map((p) => (p.message as { pluginMessage: { requestId: number } }).pluginMessage.requestId);
    expect(new Set(ids).size).toBe(2);
    fromSandbox({ type: 'REPLY', requestId: ids[1], ok: true, value: null });
    fromSandbox({ type: 'REPLY', requestId: ids[0], ok: false, error: { code: 'stale_node', message: 'gone' } });
    expect(await second).toEqual({ ok: true, value: null });
    expect(await first).toEqual({ ok: false, error: { code: 'stale_node', message: 'gone' } });
  });

  it('turns a reply value of the wrong shape into bad_message', async () => {
    const { host, fromSandbox, lastRequest } = createHost();
    const bridge = createPanelBridge(host);
    const pending = bridge.request('EXPORT_NODE', { nodeId: '1:2', maxSide: 1024 });
    fromSandbox({ type: 'REPLY', requestId: lastRequest().requestId, ok: true, value: { nodeId: '1:2', bytes: 'x' } });
    const result = await pending;
    expect(result.ok ? null : result.error.code).toBe('bad_message');
  });

  it('settles a request whose reply is malformed with bad_message', async () => {
    const { host, fromSandbox, lastRequest } = createHost();
    const bridge = createPanelBridge(host);
    const pending = bridge.request('LOAD_SETTINGS', {});
    fromSandbox({ type: 'REPLY', requestId: lastRequest().requestId, ok: 'yes' });
    const result = await pending;
    expect(result.ok ? null : result.error.code).toBe('bad_message');
  });

  it('times out with an error instead of waiting forever', async () => {
    const { host } = createHost();
    const bridge = createPanelBridge(host);
    const result = await bridge.request('LOAD_SETTINGS', {}, { timeoutMs: 20 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('sandbox_timeout');
      expect(result.error.message).toMatch(/did not answer the panel \(LOAD_SETTINGS\) in time/);
    }
  });

  it('ignores a late reply after its timeout', async () => {
    const { host, fromSandbox, lastRequest } = createHost();
    const bridge = createPanelBridge(host);
    const pushed: PushMessage[] = [];
    bridge.subscribe((m) => pushed.push(m));
    const result = await bridge.request('LOAD_SETTINGS', {}, { timeoutMs: 5 });
    fromSandbox({ type: 'REPLY', requestId: lastRequest().requestId, ok: true, value: settings });
    expect(result.ok).toBe(false);
    expect(pushed).toEqual([]);
  });

  it('answers pending requests with cancelled when closed, and stops listening', async () => {
    const { host, fromSandbox } = createHost();
    const bridge = createPanelBridge(host);
    const pushed: PushMessage[] = [];
    bridge.subscribe((m) => pushed.push(m));
    const pending = bridge.request('LOAD_SETTINGS', {});
    bridge.close();
    const result = await pending;
    expect(result.ok ? null : result.error.code).toBe('cancelled');
    fromSandbox({ type: 'SELECTION_CHANGED', nodes: [], count: 0 });
    expect(pushed).toEqual([]);
  });
});

describe('createPanelBridge pushes and notifications', () => {
  it('passes sandbox messages to subscribers until they unsubscribe', () => {
    const { host, fromSandbox } = createHost();
    const bridge = createPanelBridge(host);
    const pushed: PushMessage[] = [];
    const unsubscribe = bridge.subscribe((m) => pushed.push(m));
    const selection = { type: 'SELECTION_CHANGED', nodes: [], count: 0 } as const;
    fromSandbox(selection);
    unsubscribe();
    fromSandbox(selection);
    expect(pushed).toEqual([selection]);
  });

  it('reports a malformed sandbox message as an ERROR push', () => {
    const { host, fromSandbox } = createHost();
    const bridge = createPanelBridge(host);
    const pushed: PushMessage[] = [];
    bridge.subscribe((m) => pushed.push(m));
    fromSandbox({ type: 'THUMBNAIL', nodeId: '1:2', bytes: 'not bytes', width: 10, height: 10 });
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ type: 'ERROR', error: { code: 'bad_message' } });
  });

  it('ignores window messages that are not plugin messages', () => {
    const { host, deliver } = createHost();
    const bridge = createPanelBridge(host);
    const pushed: PushMessage[] = [];
    bridge.subscribe((m) => pushed.push(m));
    deliver('hello');
    deliver({ source: 'react-devtools' });
    deliver(null);
    expect(pushed).toEqual([]);
  });

  it('posts notifications without a requestId', () => {
    const { host, posted } = createHost();
    createPanelBridge(host).notify({ type: 'UI_READY' });
    expect(posted).toEqual([{ message: { pluginMessage: { type: 'UI_READY' } }, targetOrigin: '*' }]);
  });
});
