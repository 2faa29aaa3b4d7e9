/**
 * A stand-in for the team proxy on a real local port (node:http on 127.0.0.1, port 0), answering with the
 * documented bodies: the model list, generated images, and error envelopes. Each test sets what it answers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bytesToBase64 } from '../../core/base64.js';
import type { GenerateRequest, GenerateResponse, ModelsResponse, Usage } from '../../core/proxy-schema.js';
import { publicModels } from './fixtures.js';

export interface ProxyCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: GenerateRequest | null;
  /** Set when the client went away before the answer was sent (a real cancel). */
  aborted: boolean;
}

export type GenerateAnswer =
  | { status: 200; png: Uint8Array; width: number; height: number; cached?: boolean }
  /** A JPEG answer, as Gemini 3 sends (docs/gemini-double.md): passed on as `image/jpeg`. */
  | { status: 200; jpeg: Uint8Array; width: number; height: number; cached?: boolean }
  | { status: number; error: { code: string; message: string; mayHaveBilledUsd?: number } }
  | { hang: true };

export const USAGE: Usage = { inputTokens: 560, outputTokens: 1120, totalTokens: 1680, costUsd: 0.06748 };

export interface ProxyServer {
  url: string;
  /** Every call but the footer's usage reads, in order (so a test reads the calls a Generate makes). */
  calls: ProxyCall[];
  /** How many times the panel read `GET /v1/usage/me` (the footer's "what I have left": ui/actions/load-usage.ts). */
  usageReads: number;
  /** What GET /v1/models answers: the shipped registry unless a test changes it (a model the key lost). */
  models: ModelsResponse;
  /** How to answer the next POST /v1/generate (may run code first, e.g. delete the source layer). */
  onGenerate: (request: GenerateRequest) => Promise<GenerateAnswer> | GenerateAnswer;
  closeAsync(): Promise<void>;
}

export async function startProxyServerAsync(): Promise<ProxyServer> {
  const proxy: ProxyServer = {
    url: '',
    calls: [],
    usageReads: 0,
    models: publicModels,
    onGenerate: () => ({ hang: true }),
    closeAsync: async () => {},
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const call: ProxyCall = {
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: req.headers.authorization,
        body: text ? (JSON.parse(text) as GenerateRequest) : null,
        aborted: false,
      };
      res.on('close', () => {
        if (!res.writableFinished) call.aborted = true;
      });
      if (call.path === '/v1/usage/me') proxy.usageReads++;
      else proxy.calls.push(call);
      void answerAsync(proxy, call, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.closeAsync = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}

async function answerAsync(proxy: ProxyServer, call: ProxyCall, res: ServerResponse): Promise<void> {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' });
    res.end(JSON.stringify(body));
  };
  if (call.authorization !== 'Bearer team-token') {
    send(401, { error: { code: 'unauthorized', message: 'Your team token was not accepted.' } });
    return;
  }
  if (call.method === 'GET' && call.path === '/v1/models') {
    send(200, proxy.models);
    return;
  }
  if (call.method === 'POST' && call.path === '/v1/generate' && call.body) {
    const answer = await proxy.onGenerate(call.body);
    if ('hang' in answer) return;
    if ('png' in answer || 'jpeg' in answer) {
      const [bytes, mimeType] = 'png' in answer ? [answer.png, 'image/png'] : [answer.jpeg, 'image/jpeg'];
      const body: GenerateResponse = {
        image: { data: bytesToBase64(bytes), mimeType, width: answer.width, height: answer.height },
        model: call.body.model ?? publicModels.defaultModel,
        usage: answer.cached ? { inputTokens: 0, outputTokens: 0, totalTokens: 0, costUsd: 0 } : USAGE,
        cached: answer.cached ?? false,
      };
      send(200, body);
      return;
    }
    send(answer.status, { error: answer.error });
    return;
  }
  send(404, { error: { code: 'not_found', message: 'There is nothing at that address.' } });
}
