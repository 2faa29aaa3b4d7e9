/** The matte tools' actions (ui/components/matte-tools-row.tsx), bound to their dependencies. */
import type { AppDeps } from './deps.js';
import { eraseAsync } from './erase.js';

export interface MatteActions {
  /** Erase what the selected shape covers (ui/actions/erase.ts). */
  eraseAsync(): Promise<void>;
}

export function createMatteActions(deps: AppDeps): MatteActions {
  return {
    eraseAsync: () => eraseAsync(deps),
  };
}
