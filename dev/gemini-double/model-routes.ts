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
    return sendJson(response, 200, { models: listed.map((m) => describeModel(m)) });
  }
  const model = reachableModel(catalogue, route.model);
  if (model) return sendJson(response, 200, describeModel(model));
  return fail(
    route.vertex
      ? publisherModelNotFound(`publishers/google/models/${route.model}`)
      : modelNotFound(route.model, route.version),
  );
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
