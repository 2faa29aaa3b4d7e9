/**
 * Which configured models a key can call, asked through the SDK's `models` module (`gemini-client.ts` hands it in,
 * so this file needs no SDK import of its own). The Gemini API's `models.list()` is the key's own list: a model a
 * key may no longer use (the 2.5 models for new projects) is not in it. On Vertex, `models.list()` pages through
 * the whole publisher catalogue (`publishers/google/models`), which says nothing about one project's access, so
 * each configured id is asked for with `models.get` instead, and a 404 means the project cannot use it.
 */

/** The part of the SDK's `ai.models` this needs. */
export interface ModelCatalog {
  list(params?: {
    config?: { pageSize?: number; abortSignal?: AbortSignal };
  }): Promise<AsyncIterable<{ name?: string }>>;
  get(params: { model: string; config?: { abortSignal?: AbortSignal } }): Promise<{ name?: string }>;
}

/** Why a configured id is left out, as the admin page shows it. */
export const NOT_IN_KEY_LIST = "not in this key's model list";
export const NOT_FOUND_ON_VERTEX = 'Vertex answered 404 for this model in this project';

/** Models per page asked of the Gemini API (its maximum is 1000). */
const PAGE_SIZE = 1000;

/** Each id mapped to null (reachable) or why not. Errors of the list or get calls are thrown as they come. */
export async function checkModelsWith(
  models: ModelCatalog,
  backend: 'gemini' | 'vertex',
  ids: readonly string[],
  isNotFound: (error: unknown) => boolean,
  signal?: AbortSignal,
): Promise<Map<string, string | null>> {
  const config = signal ? { abortSignal: signal } : {};
  const result = new Map<string, string | null>();
  if (backend === 'gemini') {
    const listed = new Set<string>();
    for await (const model of await models.list({ config: { ...config, pageSize: PAGE_SIZE } })) {
      if (model.name) listed.add(model.name.replace(/^models\//, ''));
    }
    for (const id of ids) result.set(id, listed.has(id) ? null : NOT_IN_KEY_LIST);
    return result;
  }
  for (const id of ids) {
    try {
      await models.get({ model: id, config });
      result.set(id, null);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      result.set(id, NOT_FOUND_ON_VERTEX);
    }
  }
  return result;
}
