/**
 * The setup every browser test file in test/e2e shares: the real proxy in offline mode (its Gemini double answering)
 * on a fresh data dir, and Debian's Chromium, both for the whole file; and playground pages that collect their page
 * errors and record what the panel sends.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Response as PlaywrightResponse } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { parseStreamEvent, readSseEvents } from '../../core/generate-stream.js';
import type { GeneratedImage, GenerateRequest, GenerateResponse } from '../../core/proxy-schema.js';
import { startProxy, type RunningProxy } from '../../proxy/server.js';
import { collectPageErrors, launchBrowserAsync } from './browser.js';
import { openPlaygroundAsync, type Playground } from './playground.js';

/** A browser page on the playground, ready to use. */
export interface PlaygroundPage {
  page: Page;
  pg: Playground;
  /** Errors thrown in the page so far; a test ends with none. */
  errors: string[];
  /** Every `POST /v1/generate` body the panel sent since the page opened, as it went over the wire. */
  sent: GenerateRequest[];
  /** The image of every 200 answer to those, in the order they arrived (the proxy passes on Gemini's bytes). */
  answered: GeneratedImage[];
}

export interface PlaygroundServers {
  readonly proxy: RunningProxy;
  readonly browser: Browser;
  /** The proxy's data dir (for the admin CLI). */
  readonly dataDir: string;
  /** A new page on the playground. */
  openPageAsync(): Promise<PlaygroundPage>;
  /**
   * A new page for every test: `assign` hands it to the file's variables before the test; after the test there must
   * have been no page errors, and the page is closed.
   */
  pagePerTest(assign: (opened: PlaygroundPage) => void): void;
}

/**
 * Starts the proxy (offline, on a new temp dir named `dataDirPrefix…`, with `env` added) and Chromium before the
 * file's tests, and stops both after them. Call once at the top of a test file.
 */
export function usePlaygroundServers(dataDirPrefix: string, env: Record<string, string> = {}): PlaygroundServers {
  let proxy: RunningProxy | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
    proxy = await startProxy({ PORT: '0', BANANA_DATA_DIR: dataDir, ...env }, { writeLog: () => {} });
    browser = await launchBrowserAsync();
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The proxy and the browser start in beforeAll: use them inside a test');
    return value;
  };
  const servers: PlaygroundServers = {
    get proxy() {
      return started(proxy);
    },
    get browser() {
      return started(browser);
    },
    get dataDir() {
      return started(dataDir);
    },
    async openPageAsync() {
      const page = await servers.browser.newPage();
      const errors = collectPageErrors(page);
      const pg = await openPlaygroundAsync(page, servers.proxy.url);
      return { page, pg, errors, sent: recordGenerateRequests(page), answered: recordGeneratedImages(page) };
    },
    pagePerTest(assign) {
      let opened: PlaygroundPage;
      beforeEach(async () => {
        opened = await servers.openPageAsync();
        assign(opened);
      });
      afterEach(async () => {
        expect(opened.errors).toEqual([]);
        await opened.page.close();
      });
    },
  };
  return servers;
}

/** Every `POST /v1/generate` body the page's panel sends from now on, as it went over the wire. */
function recordGenerateRequests(page: Page): GenerateRequest[] {
  const sent: GenerateRequest[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/generate')) {
      sent.push(request.postDataJSON() as GenerateRequest);
    }
  });
  return sent;
}

/** The 200 body of a `POST /v1/generate` answer the page got: plain JSON, or a live answer's `result` event. */
export async function generateAnswerOf(response: PlaywrightResponse): Promise<GenerateResponse | null> {
  return resultOf(await response.text(), response.headers()['content-type'] ?? '');
}

/** The body of an answer: plain JSON, or a live answer's `result` event (docs/proxy-api.md#live-previews). */
function resultOf(text: string, contentType: string): GenerateResponse | null {
  if (!contentType.startsWith('text/event-stream')) return JSON.parse(text) as GenerateResponse;
  const result = readSseEvents()
    .push(`${text}\n\n`)
    .map((raw) => parseStreamEvent(raw.event, raw.data))
    .find((event) => event?.event === 'result');
  return result?.event === 'result' ? result.data : null;
}

/** The image of every 200 answer to `POST /v1/generate` the page gets from now on. */
function recordGeneratedImages(page: Page): GeneratedImage[] {
  const answered: GeneratedImage[] = [];
  page.on('response', (response) => {
    if (response.request().method() === 'POST' && response.url().endsWith('/v1/generate') && response.ok()) {
      void generateAnswerOf(response)
        .then((body) => {
          if (body) answered.push(body.image);
        })
        .catch(() => undefined);
    }
  });
  return answered;
}
