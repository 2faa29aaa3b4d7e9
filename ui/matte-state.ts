/** What Remove background and Isolate object work with (ui/components/matte-tools-row.tsx), as signals. */
import { signal } from '@preact/signals';
import type { PublicSegmentation } from '../core/segmentation-model.js';

export function createMatteState() {
  return {
    /**
     * The proxy's segmentation model (`GET /v1/models`), or null when it has none or its key cannot reach it: the
     * cut-outs then make their matte from two renders (core/cut-out-method.ts).
     */
    segmentation: signal<PublicSegmentation | null>(null),
    /** The registry's default image model (`defaultModel` of `GET /v1/models`): the two renders use it. */
    renderModelId: signal<string | null>(null),
    /** What Isolate object keeps, as the designer typed it ("the mug"); '' when a shape marks it. */
    objectName: signal(''),
  };
}

export type MatteState = ReturnType<typeof createMatteState>;
