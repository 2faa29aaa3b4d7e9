/**
 * What a live session keeps, with signatures at their real size (docs/live-replay.md "Size"): the real panel and
 * sandbox in Node, the real proxy on a local port, and the Gemini double signing each image part with 597,616
 * base64 characters. Ten turns on the product shot: the panel keeps every turn's contents in memory (the figure is
 * printed and documented), and nothing of a signature reaches the file: each turn record stays small.
 */
import { describe, expect, it } from 'vitest';
import { contentsChars, MAX_REPLAY_TURNS, type ReplayContent } from '../../core/live-replay.js';
import { TURN_RECORD_KEY } from '../../core/turn-record.js';
import { IMAGE_SIGNATURE_CHARS } from '../../dev/gemini-double/answer.js';
import { useLiveProxy } from '../support/live-proxy.js';
import { generateResultAsync } from '../support/panel-harness.js';
import { openPanelSessionAsync, until } from './panel-session.js';

const upstream = useLiveProxy('live-memory', 'AIzaSy-live-replay-memory-key-0123456789');
const TURNS = 10;

/** Characters of the parts of `contents`, by what they hold. */
function charsByKind(contents: readonly ReplayContent[]) {
  const sum = (pick: (part: ReplayContent['parts'][number]) => number) =>
    contents.reduce((n, content) => n + content.parts.reduce((m, part) => m + pick(part), 0), 0);
  return {
    signatures: sum((part) => part.thoughtSignature?.length ?? 0),
    images: sum((part) => part.inlineData?.data.length ?? 0),
    text: sum((part) => part.text?.length ?? 0),
  };
}

describe(`a ${TURNS}-turn live session with real-size signatures`, () => {
  it(
    'keeps each turn in memory only; every turn record is small and holds no signature',
    { timeout: 120_000 },
    async () => {
      const session = await openPanelSessionAsync({ proxyUrl: upstream.proxy.url, select: (s) => [s.productShot] });
      try {
        await until(() => session.state.models.value !== null);
        const made: string[] = [];
        for (let n = 1; n <= TURNS; n++) {
          const result = await generateResultAsync(session, `turn ${n}: warmer light`);
          await until(() => session.state.targetTurn.value?.id === result.record.id);
          made.push(result.nodeId);
        }
        // Each call replays the turns before it, up to 6 (the 7th call carries six); the 8th goes stateless, and the
        // chain starts again from it.
        const calls = upstream.double.requests.filter((r) => /:(generateContent|streamGenerateContent)$/.test(r.path));
        const contentsPerCall = calls.map((r) => (r.body as { contents: unknown[] }).contents.length);
        expect(contentsPerCall).toEqual([1, 3, 5, 7, 9, 11, 13, 1, 3, 5]);
        expect(MAX_REPLAY_TURNS).toBe(6);

        const live = session.state.liveTurns.value;
        expect(live).toHaveLength(TURNS);
        const kept = live.flatMap((turn) => [turn.user, turn.modelTurn]);
        const byKind = charsByKind(kept);
        expect(byKind.signatures).toBe(TURNS * IMAGE_SIGNATURE_CHARS);
        expect(contentsChars(kept)).toBe(byKind.signatures + byKind.images + byKind.text);
        console.log(
          `${TURNS}-turn session keeps ${(contentsChars(kept) / 1e6).toFixed(2)} M characters: signatures ${(byKind.signatures / 1e6).toFixed(2)} M, images ${(byKind.images / 1e6).toFixed(2)} M, text ${byKind.text}`,
        );

        // The file: nothing of any signature, anywhere in any layer's plugin data; each record a few hundred bytes.
        const signatures = kept.flatMap((c) => c.parts.map((p) => p.thoughtSignature).filter((s) => s !== undefined));
        const page = session.double.figma.currentPage;
        for (const node of page.findAll()) {
          const data = node
            .getPluginDataKeys()
            .map((key) => node.getPluginData(key))
            .join('\n');
          for (const signature of signatures) expect(data.includes(signature.slice(0, 64))).toBe(false);
        }
        for (const id of made) {
          const record = page.findOne((n) => n.id === id)!.getPluginData(TURN_RECORD_KEY);
          expect(record.length).toBeGreaterThan(0);
          expect(record.length).toBeLessThan(2_000);
          expect(record).not.toMatch(/thoughtSignature|modelTurn/);
        }
      } finally {
        session.close();
      }
    },
  );
});
