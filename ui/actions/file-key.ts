/**
 * The file's key (core/file-key.ts), asked of the sandbox once per panel: the proxy's Batch API jobs are listed and
 * submitted under it (docs/proxy-api.md#batches). A failed read is asked again next time.
 */
import type { Result } from '../../core/result.js';
import type { AppDeps } from './deps.js';

const asked = new WeakMap<AppDeps, Promise<Result<string>>>();

/** The file's key; made and kept in the file the first time any panel asks. */
export function readFileKeyAsync(deps: AppDeps): Promise<Result<string>> {
  const known = asked.get(deps);
  if (known) return known;
  const reading = deps.bridge.request('READ_FILE_KEY', {}).then((reply) => {
    if (!reply.ok) asked.delete(deps);
    return reply;
  });
  asked.set(deps, reading);
  return reading;
}
