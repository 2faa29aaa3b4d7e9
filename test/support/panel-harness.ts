/**
 * The setup every panel test file in test/ui shares: one proxy stand-in on a real port for the whole file, and a
 * panel session (Figma double, sandbox, panel) per test, closed after it. After each test the stand-in goes back to
 * hanging, so an answer one test set up can never reach the next. Plus the two steps most panel tests take: a turn
 * generated and placed, and the turn record it left on the canvas.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { parseTurnRecord, TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import type { SampleDocument } from '../../dev/figma-double/index.js';
import { openPanelSessionAsync, until, type PanelSession } from '../ui/panel-session.js';
import { publicModels } from '../ui/fixtures.js';
import { startProxyServerAsync, type ProxyServer } from '../ui/proxy-server.js';

export interface PanelHarness {
  /** The proxy stand-in (started before the file's first test). */
  readonly proxy: ProxyServer;
  /**
   * Figma with the sample file and `select` selected, the sandbox, and the panel, started and settled, with its
   * settings pointing at the stand-in (or at `proxyUrl`).
   */
  openPanelAsync(select?: (s: SampleDocument) => SceneNode[], options?: { proxyUrl?: string }): Promise<PanelSession>;
}

/** Registers the file's hooks (`beforeAll`, `afterEach`, `afterAll`); call it once at the top of a test file. */
export function usePanelHarness(): PanelHarness {
  let proxy: ProxyServer | undefined;
  const open: PanelSession[] = [];

  beforeAll(async () => {
    proxy = await startProxyServerAsync();
  });
  afterAll(async () => {
    await proxy?.closeAsync();
  });
  afterEach(() => {
    for (const session of open.splice(0)) session.close();
    if (proxy) proxy.onGenerate = () => ({ hang: true });
    if (proxy) proxy.models = publicModels;
  });

  const harness: PanelHarness = {
    get proxy(): ProxyServer {
      if (!proxy) throw new Error('The proxy stand-in starts in beforeAll: use it inside a test or a hook');
      return proxy;
    },
    async openPanelAsync(select, options = {}) {
      const session = await openPanelSessionAsync({ proxyUrl: options.proxyUrl ?? harness.proxy.url, select });
      open.push(session);
      return session;
    },
  };
  return harness;
}

/** Types `prompt`, presses Generate, expects no error, and waits until the result is placed and is the target. */
export async function generateResultAsync(session: PanelSession, prompt: string) {
  const { state, actions } = session;
  state.prompt.value = prompt;
  await actions.generateAsync();
  expect(state.error.value).toBeNull();
  const result = state.lastResult.value!;
  await until(() => state.target.value?.id === result.nodeId);
  return result;
}

/** The turn record on a node of the current page; throws when it has none. */
export function turnRecordOn(session: PanelSession, nodeId: string): TurnRecord {
  const node = session.double.figma.currentPage.findOne((n) => n.id === nodeId)!;
  const parsed = parseTurnRecord(node.getPluginData(TURN_RECORD_KEY));
  if (!parsed.ok || !parsed.value) throw new Error('no record');
  return parsed.value;
}
