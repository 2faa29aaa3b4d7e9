/**
 * What one turn asks of the sandbox, counted on the panel's side: the real panel and sandbox in Node, the real proxy
 * on a local port and the Gemini double behind it. A turn that continues a result takes its chain from the history the
 * panel already holds and the page's records are read once, after the result is placed (plugin/history-index.ts); a
 * live replay Gemini refuses is sent again stateless with the images already exported (ui/actions/turn-exports.ts).
 */
import { describe, expect, it } from 'vitest';
import { countScans } from '../support/count-scans.js';
import { useLiveProxy } from '../support/live-proxy.js';
import { generateResultAsync } from '../support/panel-harness.js';
import { openPanelSessionAsync, until, type PanelSession } from './panel-session.js';

const live = useLiveProxy('turn-reads', 'AIzaSy-turn-reads-key-0123456789abcdef');

/** A turn from press to a History that shows it; returns the message types the panel sent meanwhile. */
async function turnAsync(session: PanelSession, prompt: string): Promise<{ nodeId: string; sent: string[] }> {
  const from = session.sentTypes().length;
  const result = await generateResultAsync(session, prompt);
  await until(() => session.state.targetTurn.value?.id === result.record.id && session.state.historyCurrent.value);
  return { nodeId: result.nodeId, sent: session.sentTypes().slice(from) };
}

const count = (types: readonly string[], type: string) => types.filter((t) => t === type).length;

describe('one turn that continues a result', () => {
  it('takes its chain from the history the panel holds, and the page is read once, after placing', async () => {
    const session = await openPanelSessionAsync({ proxyUrl: live.proxy.url, select: (s) => [s.poster] });
    try {
      await until(() => session.state.models.value !== null && session.state.historyCurrent.value);
      await turnAsync(session, 'warmer light');
      const scans = countScans(session.double.figma.currentPage);
      const { sent } = await turnAsync(session, 'navy jacket');
      const placed = sent.indexOf('PLACE_RESULT');
      expect(placed).toBeGreaterThanOrEqual(0);
      // Before placing, no read of the history (this turn replays turn 1 live, so it exports nothing either).
      expect(sent.slice(0, placed)).not.toContain('READ_HISTORY');
      expect(scans()).toBe(1);
      // Before this change: three reads (the press, the placement, the History after it).
    } finally {
      session.close();
    }
  });
});

describe('a live replay Gemini refuses', () => {
  it('is sent again stateless with the images it had exported, each exported once', async () => {
    const session = await openPanelSessionAsync({ proxyUrl: live.proxy.url, select: (s) => [s.poster, s.productShot] });
    try {
      const { state, actions, double: figma, sample } = session;
      await until(() => state.models.value !== null);
      actions.precision.pinSubject(sample.productShot.id, 'Product shot');
      figma.userSelect([sample.poster]);
      await until(() => state.selectionCount.value === 1 && state.historyCurrent.value);
      const first = await turnAsync(session, 'warmer light');
      figma.userSelect([figma.figma.currentPage.findOne((n) => n.id === first.nodeId)!]);
      await until(() => state.target.value?.id === first.nodeId && state.historyCurrent.value);
      const calls = live.double.requests.length;
      const { sent } = await turnAsync(session, '[double:invalid-signature] navy jacket');
      const upstream = live.double.requests
        .slice(calls)
        .filter((r) => /:(generateContent|streamGenerateContent)$/.test(r.path));
      expect(upstream.map((r) => r.status)).toEqual([400, 200]);
      // The refused call replayed turn 1; the second is stateless: the chain summarised, base and subject attached.
      const contents = (upstream[1]!.body as { contents: { parts: { text?: string }[] }[] }).contents;
      expect(contents).toHaveLength(1);
      expect(contents[0]!.parts.map((p) => p.text ?? '').join(' ')).toContain('1. warmer light');
      // The pinned subject went with both sends and the base with the second, yet each was exported once.
      expect(count(sent, 'EXPORT_NODE')).toBe(1);
      expect(count(sent, 'EXPORT_SOURCE')).toBe(1);
    } finally {
      session.close();
    }
  });
});
