/**
 * Who may call the Gemini double, as Google checks it before anything else (dev/gemini-double/handle-request.ts):
 * a bad key fails before a bad model.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { apiKeyInvalid, unauthenticated, unregisteredCaller, type GoogleErrorBody } from './errors.js';
import type { Route } from './routes.js';

/**
 * Gemini API and Vertex express calls need `x-goog-api-key` (or `?key=`); Vertex project calls need a bearer token
 * (any token: nothing is verified offline). A bad key is Google's 400 API_KEY_INVALID. `apiKey` null takes any key.
 */
export function checkAuth(
  apiKey: string | null,
  route: Route,
  headers: IncomingHttpHeaders,
  url: URL,
): GoogleErrorBody | null {
  const header = headers['x-goog-api-key'];
  const key = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('key');
  const bearer = /^Bearer\s+\S/i.test(headers.authorization ?? '');
  // Vertex `models.get` comes with a key (express) or a bearer token (project), like a Vertex generate.
  const backend =
    route.kind === 'generate'
      ? route.backend
      : route.kind === 'get-model' && route.vertex
        ? 'vertex-express'
        : 'gemini';
  if (backend === 'vertex-project') return bearer ? null : unauthenticated();
  if (!key) return backend === 'vertex-express' && bearer ? null : unregisteredCaller();
  if (apiKey !== null && key !== apiKey) {
    return apiKeyInvalid(backend === 'gemini' ? 'generativelanguage.googleapis.com' : 'aiplatform.googleapis.com');
  }
  return null;
}
