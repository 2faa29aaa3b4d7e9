/**
 * Live replay end to end in real Chromium (docs/live-replay.md): the playground runs the real sandbox bundle on the
 * Figma double and the real panel in its sandboxed iframe, against the real proxy, whose real `@google/genai` client
 * talks to a Gemini double this test started itself, so every upstream call can be read off `double.requests`.
 *
 * One designer makes three turns on Nano Banana 2.1 (the default) in one panel session: the second and third calls
 * carry the earlier turns with the model's own content, thought signatures byte for byte as the proxy handed them to
 * the panel. A turn whose replay Gemini refuses is sent again stateless at once, and the next turn replays from it. A
 * layer changed on the canvas and a switch of model are stateless. Then a teammate opens the saved file in a fresh
 * playground and continues (a branch from turn 4): stateless, as nothing of the first session's memory travels
 * with the file, and with the right parent.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFullModelTurn } from '../../core/model-turn-wire.js';
import type { GenerateRequest, GenerateResponse } from '../../core/proxy-schema.js';
import { IMAGE_SIGNATURE_CHARS } from '../../dev/gemini-double/answer.js';
import type { RecordedRequest } from '../../dev/gemini-double/recorded-request.js';
import { collectPageErrors, launchBrowserAsync } from '../support/browser.js';
import { useLiveProxy } from '../support/live-proxy.js';
import { generateTurnAsync, openPlaygroundAsync, turnRecordOf, type Playground } from '../support/playground.js';
import { generateAnswerOf } from '../support/playground-servers.js';

const KEY = 'AIzaSy-live-replay-e2e-key-0123456789';
const TEAM_TOKEN = 'team-token-for-the-live-replay-e2e';
const POSTER = '1:2';

const live = useLiveProxy('e2e-live-replay', KEY, TEAM_TOKEN);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowserAsync();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A playground page whose panel uses the team token, recording what it sends and what the proxy answers (with
 * `modelTurn` made whole, as the panel makes it).
 */
async function openAsync(): Promise<{
  page: Page;
  pg: Playground;
  errors: string[];
  sent: GenerateRequest[];
  answers: GenerateResponse[];
}> {
  const page = await browser.newPage();
  const errors = collectPageErrors(page);
  const pg = await openPlaygroundAsync(page, live.proxy.url);
  const sent: GenerateRequest[] = [];
  const answers: GenerateResponse[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/generate')) {
      sent.push(request.postDataJSON() as GenerateRequest);
    }
  });
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/v1/generate') && response.ok()) {
      void generateAnswerOf(response).then((body) => body && answers.push(withFullModelTurn(body)));
    }
  });
  // With real credentials the playground hands out no token: paste it in Settings, as a designer does.
  await pg.panel.getByRole('button', { name: 'Settings' }).click();
  await pg.panel.getByLabel('Team token').fill(TEAM_TOKEN);
  await pg.panel.getByRole('button', { name: 'Save' }).click();
  await pg.panel.getByText('Saved.').waitFor();
  await pg.panel.getByRole('button', { name: 'Back' }).click();
  return { page, pg, errors, sent, answers };
}

type Content = { role: string; parts: Record<string, unknown>[] };

/** The upstream generateContent calls so far, from `from` on: each one's contents and status. */
function upstreamCalls(from = 0): { contents: Content[]; status: number | null }[] {
  return live.double.requests
    .slice(from)
    .filter((r: RecordedRequest) => /:(generateContent|streamGenerateContent)$/.test(r.path))
    .map((r) => ({ contents: (r.body as { contents: Content[] }).contents, status: r.status }));
}

const roles = (call: { contents: Content[] }) => call.contents.map((c) => c.role);
const sha1 = (base64: string) => createHash('sha1').update(Buffer.from(base64, 'base64')).digest('hex');

describe('live replay in one panel session', () => {
  it(
    'replays the session’s turns with their signatures, falls back when refused, goes stateless on a model switch and for a teammate',
    { timeout: 300_000 },
    async () => {
      // ── Three turns on Nano Banana 2.1 ─────────────────────────────────────────────────────────────────────────
      const { page, pg, errors, sent, answers } = await openAsync();
      await pg.select([POSTER]);
      await pg.panel.getByText('Poster').first().waitFor();
      await expect.poll(() => pg.panel.getByLabel('Model').inputValue()).toBe('gemini-nano-banana-2.1');
      // Each result one image layer, so the layer shows exactly what the model made.
      await pg.panel.getByLabel('Keep text editable').uncheck();
      const start = live.double.requests.length;
      const t1 = await generateTurnAsync(pg, 'warmer light', 1);
      const t2 = await generateTurnAsync(pg, 'navy jacket', 2);
      const t3 = await generateTurnAsync(pg, 'remove the logo', 3);
      await expect.poll(() => answers.length).toBe(3);

      // What the panel sent: the first turn stateless, then history and the new words alone, every time asking
      // for the model's own content.
      expect(sent.map((s) => s.returnModelTurn)).toEqual([true, true, true]);
      expect(sent.map((s) => s.history?.length ?? 0)).toEqual([0, 2, 4]);
      expect(sent.map((s) => s.prompt)).toEqual([sent[0]!.prompt, 'navy jacket', 'remove the logo']);
      expect(sent[0]!.images!.map((i) => i.role)).toEqual(['base']);
      expect([sent[1]!.images, sent[2]!.images]).toEqual([[], []]);

      // What Gemini got: the 2nd and 3rd calls carried the earlier turns, the model's content exactly as the proxy
      // returned it to the panel, signatures and all.
      const calls = upstreamCalls(start);
      expect(calls.map(roles)).toEqual([
        ['user'],
        ['user', 'model', 'user'],
        ['user', 'model', 'user', 'model', 'user'],
      ]);
      const [first, second, third] = calls as [(typeof calls)[0], (typeof calls)[0], (typeof calls)[0]];
      const [answer1, answer2] = answers as [GenerateResponse, GenerateResponse];
      expect(answer1.modelTurn!.parts.every((p) => typeof p.thoughtSignature === 'string')).toBe(true);
      // At the size Gemini 3 really signs an image part, on its JPEG answer (docs/gemini-double.md).
      expect(answer1.modelTurn!.parts.at(-1)!.thoughtSignature).toHaveLength(IMAGE_SIGNATURE_CHARS);
      expect([answer1.image.mimeType, answer2.image.mimeType]).toEqual(['image/jpeg', 'image/jpeg']);
      expect(second.contents[0]).toEqual(first.contents[0]);
      expect(second.contents[1]).toEqual({ role: 'model', parts: answer1.modelTurn!.parts });
      expect(second.contents[2]).toEqual({ role: 'user', parts: [{ text: 'navy jacket' }] });
      expect(third.contents.slice(0, 3)).toEqual(second.contents);
      expect(third.contents[3]).toEqual({ role: 'model', parts: answer2.modelTurn!.parts });
      expect(calls.every((c) => c.status === 200)).toBe(true);

      // The records: the same parent links as ever; a replayed turn's base is the model's own image.
      const [r1, r2, r3] = [
        await turnRecordOf(pg, t1.id),
        await turnRecordOf(pg, t2.id),
        await turnRecordOf(pg, t3.id),
      ];
      expect([r2.parentId, r3.parentId]).toEqual([r1.id, r2.id]);
      expect(r2.inputs).toEqual([{ nodeId: t1.id, role: 'base', hash: sha1(answer1.image.data) }]);
      expect(r3.inputs).toEqual([{ nodeId: t2.id, role: 'base', hash: sha1(answer2.image.data) }]);

      // ── Gemini refuses the replay: the turn is sent again stateless at once, and it still continues turn 3 ─────
      const beforeRefusal = live.double.requests.length;
      const t4 = await generateTurnAsync(pg, 'add a hat [double:invalid-signature]', 4);
      const refused = upstreamCalls(beforeRefusal);
      expect(refused.map((c) => [roles(c).length, c.status])).toEqual([
        [7, 400],
        [1, 200],
      ]);
      expect(sent.slice(-2).map((s) => s.history?.length ?? 0)).toEqual([6, 0]);
      expect(sent.at(-1)!.prompt).toMatch(
        /^Earlier edits to this image, oldest first .*3\. remove the logo\.\nNow: add a hat/,
      );
      expect((await turnRecordOf(pg, t4.id)).parentId).toBe(r3.id);
      expect(await pg.panel.locator('[role=alert]').count()).toBe(0);

      // The refused chain is forgotten: the next turn replays from turn 4 alone (its call held the base image).
      const beforeT5 = live.double.requests.length;
      const t5 = await generateTurnAsync(pg, 'a red scarf', 5);
      expect(upstreamCalls(beforeT5).map(roles)).toEqual([['user', 'model', 'user']]);
      expect((await turnRecordOf(pg, t5.id)).parentId).toBe((await turnRecordOf(pg, t4.id)).id);

      // ── The layer was changed on the canvas (a tint laid over it): it no longer shows what the model made ────────
      await page.evaluate((id) => {
        const figma = (window as unknown as { figma: PluginAPI }).figma;
        const node = figma.currentPage.findOne((n) => n.id === id) as FrameNode;
        node.fills = [...(node.fills as Paint[]), { type: 'SOLID', color: { r: 1, g: 0.4, b: 0 }, opacity: 0.2 }];
      }, t5.id);
      await pg.select([POSTER]);
      await pg.select([t5.id]);
      await pg.panel.getByText('AI-generated · turn 5.').waitFor();
      const beforeTint = live.double.requests.length;
      const t6 = await generateTurnAsync(pg, 'a blue scarf', 6);
      expect(upstreamCalls(beforeTint).map(roles)).toEqual([['user']]);
      expect(sent.at(-1)!.history).toBeUndefined();
      expect(sent.at(-1)!.images!.map((i) => i.role)).toEqual(['base']);

      // ── Another model: never across models, so stateless ────────────────────────────────────────────────────
      await pg.panel.getByLabel('Model').selectOption('gemini-3-pro-image');
      const beforeSwitch = live.double.requests.length;
      const t7 = await generateTurnAsync(pg, 'softer shadows', 7);
      const switched = upstreamCalls(beforeSwitch);
      expect(switched.map(roles)).toEqual([['user']]);
      expect(sent.at(-1)!.history).toBeUndefined();
      expect(sent.at(-1)!.images!.map((i) => i.role)).toEqual(['base']);
      expect((await turnRecordOf(pg, t7.id)).model).toBe('gemini-3-pro-image');
      expect((await turnRecordOf(pg, t7.id)).parentId).toBe((await turnRecordOf(pg, t6.id)).id);
      expect(errors).toEqual([]);

      const saved = await page.evaluate(() => window.bananaPlayground.save());
      // The saved file holds no signature: they live in the panel's memory only.
      const savedText = JSON.stringify(saved);
      for (const answer of answers) {
        for (const part of answer.modelTurn?.parts ?? []) {
          if (part.thoughtSignature) expect(savedText.includes(part.thoughtSignature.slice(0, 64))).toBe(false);
        }
      }
      await page.close();

      // ── A teammate opens the file in a fresh playground and continues turn 4 on Nano Banana 2.1 ────────────────
      const mate = await openAsync();
      await mate.page.evaluate((doc) => window.bananaPlayground.load(doc), saved);
      await mate.pg.select([t4.id]);
      await mate.pg.panel.getByText('AI-generated · turn 4.').waitFor();
      await expect.poll(() => mate.pg.panel.getByLabel('Model').inputValue()).toBe('gemini-nano-banana-2.1');
      const beforeMate = live.double.requests.length;
      const t8 = await generateTurnAsync(mate.pg, 'add rain', 5);
      expect(upstreamCalls(beforeMate).map(roles)).toEqual([['user']]);
      const request = mate.sent.at(-1)!;
      expect(request.history).toBeUndefined();
      expect(request.images!.map((i) => i.role)).toEqual(['base']);
      expect(request.prompt).toMatch(/^Earlier edits to this image, oldest first .*\nNow: add rain$/);
      const r8 = await turnRecordOf(mate.pg, t8.id);
      expect(r8).toMatchObject({ parentId: (await turnRecordOf(mate.pg, t4.id)).id, sourceNodeId: t4.id });
      expect(mate.errors).toEqual([]);
      await mate.page.close();
    },
  );
});
