/**
 * The sandbox exports of one Generate, each made (and fitted to the proxy's size limit) once. A turn may be prepared
 * twice: a replay too large once its references are exported is planned again stateless before sending
 * (ui/actions/prepare-turn.ts), and a live replay the proxy refuses is planned again stateless and sent at once
 * (ui/actions/generate.ts). The second preparation asks for the same layers at the same sizes, and gets the bytes the
 * first one exported instead of exporting every image again; only the images the stateless plan adds (a chain's
 * carried references) are exported then.
 */
import type { ExportedImage } from '../../core/messages.js';
import type { Result } from '../../core/result.js';
import { fitInputImageAsync } from '../image/fit-input-image.js';
import { pureCodec } from '../image/pixel-codec.js';
import type { AppDeps } from './deps.js';

/** What EXPORT_SOURCE is asked for: the layer, its scale, and what it hides. */
export interface SourceExport {
  nodeId: string;
  scale: number;
  hideText: boolean;
  hideNodeIds: string[];
}

export interface TurnExports {
  /** A layer as a reference image (`EXPORT_NODE`), its longest side at most `maxSide`. */
  nodeAsync(nodeId: string, maxSide: number): Promise<Result<ExportedImage>>;
  /** The layer being edited (`EXPORT_SOURCE`). */
  sourceAsync(request: SourceExport): Promise<Result<ExportedImage>>;
  /** `bytes` shrunk where needed to what the proxy's backend takes (ui/image/fit-input-image.ts). */
  fitAsync(bytes: Uint8Array): Promise<Result<Uint8Array>>;
}

export function createTurnExports(deps: Pick<AppDeps, 'bridge' | 'state' | 'pixels'>): TurnExports {
  const exports = new Map<string, Promise<Result<ExportedImage>>>();
  const fits = new WeakMap<Uint8Array, Promise<Result<Uint8Array>>>();
  const once = (key: string, make: () => Promise<Result<ExportedImage>>): Promise<Result<ExportedImage>> => {
    const known = exports.get(key);
    if (known) return known;
    const made = make();
    exports.set(key, made);
    return made;
  };
  return {
    nodeAsync: (nodeId, maxSide) =>
      once(JSON.stringify(['node', nodeId, maxSide]), () => deps.bridge.request('EXPORT_NODE', { nodeId, maxSide })),
    sourceAsync: (request) =>
      once(JSON.stringify(['source', request.nodeId, request.scale, request.hideText, request.hideNodeIds]), () =>
        deps.bridge.request('EXPORT_SOURCE', request),
      ),
    fitAsync: (bytes) => {
      const known = fits.get(bytes);
      if (known) return known;
      const fitted = fitInputImageAsync(deps.pixels ?? pureCodec, bytes, deps.state.inlineImageMaxBytes.peek());
      fits.set(bytes, fitted);
      return fitted;
    },
  };
}
