/** The Hono environment of the proxy's app: the variables its middleware sets on each request's context. */
import type { RequestLogEntry } from './logger.js';
import type { TeamMember } from './store/store.js';

/** Hono context variables set by middleware. */
export interface AppVariables {
  requestId: string;
  owner: TeamMember;
  logFields: Partial<RequestLogEntry>;
}

export type AppEnv = { Variables: AppVariables };
