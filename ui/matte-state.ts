/** What Remove background and Isolate object work with (ui/components/matte-tools-row.tsx), as signals. */
import { signal } from '@preact/signals';
import type { PublicSegmentation } from '../core/segmentation-model.js';

export function createMatteState() {
  return {
    /** The proxy's segmentation model (`GET /v1/models`), or null when it has none: the two tools are then off. */
    segmentation: signal<PublicSegmentation | null>(null),
    /** What Isolate object keeps, as the designer typed it ("the mug"); '' when a shape marks it. */
    objectName: signal(''),
  };
}

export type MatteState = ReturnType<typeof createMatteState>;
