/** The matte tools' actions (ui/components/matte-tools-row.tsx), bound to their dependencies. */
import type { ImageToolName } from '../../core/image-tool.js';
import { toolError } from '../../core/tool-error.js';
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
    removeBackgroundAsync: () =>
      inToolWordsAsync(deps, 'remove-background', () => cutOutAsync(deps, { name: 'remove-background' })),
    isolateAsync: () =>
      inToolWordsAsync(deps, 'isolate', () =>
        cutOutAsync(deps, {
          name: 'isolate',
          object: deps.state.matte.objectName.peek(),
          shape: deps.state.editInputs.peek().region,
        }),
      ),
  };
}

/** Runs a cut-out; the error it ends with, if any, is then put in the tool's words (core/tool-error.ts). */
async function inToolWordsAsync(deps: AppDeps, tool: ImageToolName, runAsync: () => Promise<void>): Promise<void> {
  const earlier = deps.state.error.peek();
  await runAsync();
  const error = deps.state.error.peek();
  if (error && error !== earlier) deps.state.error.value = toolError(tool, error);
}
