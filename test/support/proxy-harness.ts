/**
 * Builds the real proxy app wired to the real `@google/genai` client, pointed at the Gemini double on loopback.
 * Nothing of ours is faked: only Gemini, which is across the network.
 */
import type { Hono } from 'hono';
import { createApp } from '../../proxy/app.js';
import type { AppEnv, ProxyConfig } from '../../proxy/app-env.js';
import { createGeminiClient } from '../../proxy/gemini-client.js';
import { createRequestLogger } from '../../proxy/logger.js';
import { staticTokens } from '../../proxy/team-tokens.js';
import { startGeminiDouble, type GeminiDouble } from '../fakes/gemini/server.js';
import { loadRegistry } from './registry.js';

export const TEST_KEY = 'AIzaSy-test-key-that-must-never-leak-0123456789';
export const TEAM_TOKEN = 'team-token-for-tests-abcdef';

export interface Harness {
  app: Hono<AppEnv>;
  double: GeminiDouble;
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(config: Partial<ProxyConfig> = {}): Promise<Harness> {
  const registry = loadRegistry();
  const double = await startGeminiDouble({ registry, apiKey: TEST_KEY });
  const logs: string[] = [];
  const app = createApp({
    gemini: createGeminiClient({ backend: 'gemini', apiKey: TEST_KEY, baseUrl: double.url }),
    registry,
    tokens: staticTokens([{ token: TEAM_TOKEN, name: 'Ana' }]),
    config: {
      mode: 'gemini',
      version: 'test',
      maxBodyBytes: 8 * 1024 * 1024,
      secrets: [TEST_KEY],
      timeoutScale: 1,
      ...config,
    },
    log: createRequestLogger((line) => logs.push(line)),
  });
  return { app, double, logs, close: () => double.close() };
}

/** A JSON POST to /v1/generate with the team token. */
export function generateRequest(body: unknown, token: string | null = TEAM_TOKEN): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
