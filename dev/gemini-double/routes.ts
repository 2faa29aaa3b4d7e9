/**
 * The URLs the double answers, as `@google/genai` 3.x builds them (docs/gemini-platform.md#endpoints): the Gemini API
 * on `/v1`, `/v1beta` and `/v1alpha`; Vertex express (API key) and Vertex project paths on `/v1` and `/v1beta1`.
 */

/** Which API a call came in on; the answer and the auth rules differ slightly. */
export type Backend = 'gemini' | 'vertex-express' | 'vertex-project';

/** A recognised route. */
export type Route =
  | { kind: 'generate'; backend: Backend; version: string; model: string; stream: boolean; resource: string }
  | { kind: 'list-models'; version: string }
  | { kind: 'get-model'; version: string; model: string; vertex: boolean }
  | BatchRoute;

/** A Batch API call on the Gemini API (docs/gemini-double.md#the-batch-api); Vertex batch jobs are not served. */
export type BatchRoute =
  | { kind: 'batch-create'; version: string; model: string }
  | { kind: 'batch-list'; version: string }
  | { kind: 'batch-get'; version: string; id: string }
  | { kind: 'batch-cancel'; version: string; id: string }
  | { kind: 'batch-delete'; version: string; id: string };

const GEMINI = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const VERTEX_EXPRESS = /^\/(v1|v1beta1)\/publishers\/google\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const VERTEX_PROJECT =
  /^\/(v1|v1beta1)\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
const BATCH_CREATE = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):batchGenerateContent$/;
const BATCH_LIST = /^\/(v1|v1beta|v1alpha)\/batches$/;
const BATCH_ONE = /^\/(v1|v1beta|v1alpha)\/batches\/([^/:]+)(:cancel)?$/;
const LIST = /^\/(v1|v1beta|v1alpha)\/models$/;
const GET = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+)$/;
/** Vertex `models.get` of a base model: the SDK sends it without the project prefix. */
const VERTEX_GET = /^\/(v1|v1beta1)\/publishers\/google\/models\/([^/:]+)$/;

/** The route for a method and a decoded path, or null (the caller answers 404). */
export function matchRoute(method: string, path: string): Route | null {
  const batch = matchBatchRoute(method, path);
  if (batch) return batch;
  if (method === 'GET') {
    const list = LIST.exec(path);
    if (list) return { kind: 'list-models', version: list[1]! };
    const get = GET.exec(path);
    if (get) return { kind: 'get-model', version: get[1]!, model: get[2]!, vertex: false };
    const vertexGet = VERTEX_GET.exec(path);
    if (vertexGet) return { kind: 'get-model', version: vertexGet[1]!, model: vertexGet[2]!, vertex: true };
    return null;
  }
  if (method !== 'POST') return null;
  const gemini = GEMINI.exec(path);
  if (gemini) {
    const [, version, model, verb] = gemini as unknown as [string, string, string, string];
    return {
      kind: 'generate',
      backend: 'gemini',
      version,
      model,
      stream: verb !== 'generateContent',
      resource: `models/${model}`,
    };
  }
  const express = VERTEX_EXPRESS.exec(path);
  if (express) {
    const [, version, model, verb] = express as unknown as [string, string, string, string];
    const resource = `publishers/google/models/${model}`;
    return {
      kind: 'generate',
      backend: 'vertex-express',
      version,
      model,
      stream: verb !== 'generateContent',
      resource,
    };
  }
  const project = VERTEX_PROJECT.exec(path);
  if (project) {
    const [, version, p, location, model, verb] = project as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const resource = `projects/${p}/locations/${location}/publishers/google/models/${model}`;
    return {
      kind: 'generate',
      backend: 'vertex-project',
      version,
      model,
      stream: verb !== 'generateContent',
      resource,
    };
  }
  return null;
}

/** `models/{m}:batchGenerateContent`, `batches`, `batches/{id}` and `batches/{id}:cancel`, as the SDK calls them. */
function matchBatchRoute(method: string, path: string): BatchRoute | null {
  const create = BATCH_CREATE.exec(path);
  if (create && method === 'POST') return { kind: 'batch-create', version: create[1]!, model: create[2]! };
  const list = BATCH_LIST.exec(path);
  if (list && method === 'GET') return { kind: 'batch-list', version: list[1]! };
  const one = BATCH_ONE.exec(path);
  if (!one) return null;
  const [, version = '', id = '', cancel] = one;
  if (cancel) return method === 'POST' ? { kind: 'batch-cancel', version, id } : null;
  if (method === 'GET') return { kind: 'batch-get', version, id };
  return method === 'DELETE' ? { kind: 'batch-delete', version, id } : null;
}
