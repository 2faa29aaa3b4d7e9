/**
 * The mask of a regional edit (docs/regional-edits.md#21-sandbox-two-exports-on-one-pixel-grid, option B): a temporary
 * clipping frame at the source's box holds a solid, opaque copy of the shape at the shape's place; exported with the
 * source's settings, its alpha is the shape on exactly the source's pixel grid. The frame (and the copy in it) is
 * removed in `finally`, so nothing temporary remains even when the export fails, and the person's shape is never
 * changed.
 */
import { appError } from '../core/errors.js';
import type { ExportedImage } from '../core/messages.js';
import { fail, type Result } from '../core/result.js';
import { exportPngAsync, gridConstraint, noAreaError } from './export-png.js';
import type { SandboxFigma } from './sandbox-figma.js';

/** Layer types whose area can mark a region. */
const MASK_TYPES: readonly string[] = ['RECTANGLE', 'ELLIPSE', 'POLYGON', 'STAR', 'VECTOR', 'BOOLEAN_OPERATION'];

/** Name of the temporary frame, should anyone ever see it. */
export const MASK_FRAME_NAME = 'Banana Studio region mask (temporary)';

/** The shape's mask on the source's grid at `scale`, as a PNG whose alpha is the region. */
export async function exportRegionMaskAsync(
  figma: Pick<SandboxFigma, 'currentPage' | 'createFrame'>,
  source: SceneNode,
  shape: SceneNode,
  scale: number,
  markTemporary: (nodeId: string) => void,
): Promise<Result<ExportedImage>> {
  if (shape.type === 'LINE') {
    return fail(appError('bad_request', 'A line has no area. Draw a closed shape over the part to change.'));
  }
  if (!MASK_TYPES.includes(shape.type)) {
    return fail(
      appError(
        'bad_request',
        `"${shape.name}" cannot mark a region. Draw a rectangle, ellipse, polygon, star or pen path over the part to change.`,
      ),
    );
  }
  if ('rotation' in source && Math.abs(source.rotation) > 0.01) {
    return fail(
      appError('bad_request', `"${source.name}" is rotated. Regional edits need an unrotated frame or image.`),
    );
  }
  const box = source.absoluteBoundingBox;
  if (!box || !(box.width > 0 && box.height > 0)) {
    return fail(noAreaError(source));
  }
  const frame = figma.createFrame();
  // Not the person's, and not history (plugin/history-index.ts): made here and removed below.
  markTemporary(frame.id);
  let stand: SceneNode | null = null;
  try {
    figma.currentPage.appendChild(frame);
    frame.name = MASK_FRAME_NAME;
    frame.fills = [];
    frame.clipsContent = true;
    frame.resize(box.width, box.height);
    frame.x = box.x;
    frame.y = box.y;
    stand = shape.clone();
    markTemporary(stand.id);
    frame.appendChild(stand);
    const [[a, c, e], [b, d, f]] = shape.absoluteTransform;
    stand.relativeTransform = [
      [a, c, e - box.x],
      [b, d, f - box.y],
    ];
    makeSolid(stand);
    return await exportPngAsync(frame, gridConstraint(box, scale), source.id);
  } finally {
    if (!frame.removed) frame.remove();
    if (stand && !stand.removed) stand.remove();
  }
}

/** Makes the stand-in render as its area, fully opaque, whatever the shape's own style. */
function makeSolid(stand: SceneNode): void {
  if ('fills' in stand) stand.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }];
  if ('strokes' in stand) stand.strokes = [];
  if ('effects' in stand) stand.effects = [];
  if ('isMask' in stand && stand.isMask) stand.isMask = false;
  if ('opacity' in stand) stand.opacity = 1;
  if ('blendMode' in stand) stand.blendMode = 'NORMAL';
  stand.visible = true;
  // Figma fills an open pen path as if it were closed; say so explicitly, so the fill covers the drawn area.
  if (stand.type === 'VECTOR' && stand.vectorPaths.some((path) => path.windingRule === 'NONE')) {
    stand.vectorPaths = stand.vectorPaths.map((path) =>
      path.windingRule === 'NONE' ? { windingRule: 'NONZERO', data: path.data } : path,
    );
  }
}
