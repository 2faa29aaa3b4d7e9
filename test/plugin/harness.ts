/**
 * The sandbox code running on the Figma double, driven through the double's UI host exactly as the panel
 * drives it: messages go in as `pluginMessage`s, replies and pushes come back out.
 */
import type { ReplyMessage, SandboxMessage } from '../../core/messages.js';
import type { TurnDraft } from '../../core/turn-record.js';
import { createPlugin } from '../../plugin/create-plugin.js';
import {
  createFakeUiPanel,
  createFigmaDouble,
  createSampleDocument,
  type FakeUiPanel,
  type FigmaDouble,
  type FigmaDoubleOptions,
  type SampleDocument,
} from '../../dev/figma-double/index.js';

/**
 * The turn of an edit of `nodeId` ("warmer light" on Nano Banana 2, 4:5 at 1K, one base input; no input for a
 * null node), with `more` on top.
 */
export function editDraft(nodeId: string | null, more: Partial<TurnDraft> = {}): TurnDraft {
  return {
    prompt: 'warmer light',
    model: 'gemini-3.1-flash-image',
    params: { aspectRatio: '4:5', imageSize: '1K' },
    inputs: nodeId ? [{ nodeId, role: 'base' }] : [],
    usage: { inputTokens: 560, outputTokens: 1120, totalTokens: 1680, costUsd: 0.06748 },
    ...more,
  };
}

/** The fixed clock and ids the plugin gets, so records are predictable. */
export const NOW = new Date('2026-03-04T05:06:07.000Z');

export interface Harness {
  double: FigmaDouble;
  figma: FigmaDouble['figma'];
  panel: FakeUiPanel;
  sample: SampleDocument;
  /** Sends a panel message; with a requestId, resolves with its one reply. */
  requestAsync(message: Record<string, unknown> & { type: string }): Promise<ReplyMessage>;
  /** Sends a panel message that expects no reply and lets it be handled. */
  sendAsync(message: unknown): Promise<void>;
  /** Every message the panel has received so far, validated shape not assumed. */
  received(): SandboxMessage[];
  /** Waits until a received message matches, then returns it. */
  waitForAsync<T extends SandboxMessage>(match: (m: SandboxMessage) => m is T, from?: number): Promise<T>;
  /** Lets every queued event, message and promise run. */
  settleAsync(): Promise<void>;
  close(): void;
}

let nextRequestId = 1;

/** The plugin started on a double holding the sample file (a Poster and a Product shot). */
export function startPlugin(options: Omit<FigmaDoubleOptions, 'ui'> = {}): Harness {
  const panel = createFakeUiPanel();
  const double = createFigmaDouble({ ...options, ui: panel });
  const sample = createSampleDocument(double.figma);
  let turn = 0;
  const plugin = createPlugin(double.figma, '<html>panel</html>', {
    now: () => NOW,
    newId: () => `turn-${++turn}`,
  });
  const received = () => panel.received as SandboxMessage[];
  const settleAsync = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) {
      await double.flushAsync();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  const waitForAsync = async <T extends SandboxMessage>(match: (m: SandboxMessage) => m is T, from = 0): Promise<T> => {
    for (let i = 0; i < 500; i++) {
      const found = received().slice(from).find(match);
      if (found) return found;
      await settleAsync();
    }
    throw new Error('the expected message never arrived');
  };
  return {
    double,
    figma: double.figma,
    panel,
    sample,
    async requestAsync(message) {
      const requestId = typeof message.requestId === 'number' ? message.requestId : nextRequestId++;
      const from = received().length;
      panel.post({ ...message, requestId });
      return waitForAsync((m): m is ReplyMessage => m.type === 'REPLY' && m.requestId === requestId, from);
    },
    async sendAsync(message) {
      panel.post(message);
      await settleAsync();
    },
    received,
    waitForAsync,
    settleAsync,
    close: () => plugin.close(),
  };
}

/** The value of a successful reply (fails the test with the error otherwise). */
export function valueOf(reply: ReplyMessage): unknown {
  if (!reply.ok) throw new Error(`expected a successful reply, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}
