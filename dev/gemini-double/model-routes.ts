/**
 * The Gemini double's `GET /{version}/models` and `GET /{version}/models/{id}` (and Vertex's publisher model get):
 * the registry's models, less those this key cannot reach (`unreachableModels`), which are 404 as on Google.
 */
import type { ServerResponse } from 'node:http';
import { findModel, type ModelInfo, type ModelRegistry } from '../../core/models.js';
import { modelNotFound, publisherModelNotFound, type GoogleErrorBody } from './errors.js';
import { sendJson } from './http-io.js';
import type { Route } from './routes.js';

/** The models a double serves, and the ids its key cannot reach. */
export interface ModelCatalogue {
  registry: ModelRegistry;
  unreachable: ReadonlySet<string>;
}

/** The model with this id, or null when the registry has none or this key cannot reach it. */
export function reachableModel(catalogue: ModelCatalogue, id: string): ModelInfo | null {
  return catalogue.unreachable.has(id) ? null : findModel(catalogue.registry, id);
}

/** Answers a list or get of models; `fail` sends Google's 404 for a model that is not there. */
export function answerModelRoute(
  catalogue: ModelCatalogue,
  route: Extract<Route, { kind: 'list-models' | 'get-model' }>,
  response: ServerResponse,
  fail: (error: GoogleErrorBody) => void,
): void {
  if (route.kind === 'list-models') {
    const listed = catalogue.registry.models.filter((m) => !catalogue.unreachable.has(m.id));
    const segmentation = reachableSegmentation(catalogue, catalogue.registry.segmentation?.id ?? '');
    const models = [...listed.map((m) => describeModel(m)), ...(segmentation ? [segmentation] : [])];
    return sendJson(response, 200, { models });
  }
  const model = reachableModel(catalogue, route.model);
  if (model) return sendJson(response, 200, describeModel(model));
  const segmentation = reachableSegmentation(catalogue, route.model);
  if (segmentation) return sendJson(response, 200, segmentation);
  return fail(
    route.vertex
      ? publisherModelNotFound(`publishers/google/models/${route.model}`)
      : modelNotFound(route.model, route.version),
  );
}

/**
 * The registry's segmentation model (a text model) as the list shows it, when `id` is it and this key can reach it;
 * else null. Listed like the image models, so the proxy's model check finds it (proxy/model-availability.ts).
 */
export function reachableSegmentation(catalogue: ModelCatalogue, id: string): Record<string, unknown> | null {
  const model = catalogue.registry.segmentation;
  if (!model || model.id !== id || catalogue.unreachable.has(id)) return null;
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.label,
    description: 'A text model that answers segmentation masks as JSON (the Gemini double).',
    inputTokenLimit: 1_048_576,
    outputTokenLimit: 65_536,
    supportedGenerationMethods: ['generateContent', 'countTokens'],
  };
}

/** A registry model as `GET /{version}/models` lists it. */
function describeModel(model: ModelInfo): Record<string, unknown> {
  return {
    name: `models/${model.id}`,
    version: '001',
    displayName: model.label,
    description: model.description,
    inputTokenLimit: 65_536,
    outputTokenLimit: 32_768,
    supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
  };
}
