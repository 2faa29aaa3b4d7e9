/**
 * Setup shared by the precise-edit tests in real Chromium: the playground (the real sandbox bundle on the Figma double,
 * the real panel in its sandboxed iframe) against the real proxy in offline mode, a page per test, and what the tests
 * read of it.
 */
import type { Page } from 'playwright-core';
import type { GeneratedImage, GenerateRequest } from '../../core/proxy-schema.js';
import { TURN_RECORD_KEY, type TurnRecord } from '../../core/turn-record.js';
import type { Playground } from '../support/playground.js';
import { usePlaygroundServers } from '../support/playground-servers.js';

// The page of the running test and what it sent and got back, set before each test by `usePrecisionPlayground`
// (ES live bindings: a test file that imports them sees each test's page; read them inside a test).
/** The browser page of the running test. */
export let page: Page;
/** The playground on that page. */
export let pg: Playground;
/** Every /v1/generate body the panel sent in the running test. */
export let sent: GenerateRequest[];
/** The image of every 200 answer to those. */
export let answered: GeneratedImage[];

/** Starts the servers for the file and opens a new playground page for each test. Call once at the top of a file. */
export function usePrecisionPlayground(): void {
  usePlaygroundServers('banana-e2e-precision-').pagePerTest((opened) => ({ page, pg, sent, answered } = opened));
}

/** The poster frame's id in the sample document. */
export const POSTER = '1:2';

/** The id of the sample's product shot. */
export async function productIdAsync(): Promise<string> {
  return (await pg.nodes()).find((n) => n.name === 'Product shot')!.id;
}

/** The turn record the layer `id` carries. */
export async function recordOf(id: string): Promise<TurnRecord> {
  return JSON.parse((await pg.pluginData(id))[TURN_RECORD_KEY]!) as TurnRecord;
}
