/** The matte tools' actions (ui/components/matte-tools-row.tsx), bound to their dependencies. */
import { cutOutAsync } from './cut-out.js';
import type { AppDeps } from './deps.js';
import { eraseAsync } from './erase.js';

export interface MatteActions {
  /** Erase what the selected shape covers (ui/actions/erase.ts). */
  eraseAsync(): Promise<void>;
  /** Remove background of the selected image (ui/actions/cut-out.ts). */
  removeBackgroundAsync(): Promise<void>;
  /** Isolate the object named in the panel's field, or marked by the selected shape. */
  isolateAsync(): Promise<void>;
}

export function createMatteActions(deps: AppDeps): MatteActions {
  return {
    eraseAsync: () => eraseAsync(deps),
    removeBackgroundAsync: () => cutOutAsync(deps, { name: 'remove-background' }),
    isolateAsync: () =>
      cutOutAsync(deps, {
        name: 'isolate',
        object: deps.state.matte.objectName.peek(),
        shape: deps.state.editInputs.peek().region,
      }),
  };
}
