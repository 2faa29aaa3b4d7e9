/**
 * `figma.viewport` (`ViewportAPI`): a centre and a zoom over a fixed 1440 × 900 px window
 * (dev/figma-double/README.md#what-it-follows-from-figma). `scrollAndZoomIntoView` fits the nodes' bounds and is
 * recorded, so tests can check what the plugin showed the user.
 */
import { figmaError } from '../errors.js';
import { absoluteBoundingBoxOf } from '../nodes/geometry.js';
import { unwrap } from '../nodes/node-double.js';
import { unionRects } from '../transform.js';
import type { DoubleContext } from './context.js';

/** The pretend screen area of the canvas, in pixels. */
export const VIEWPORT_PIXELS = { width: 1440, height: 900 };

/** The viewport object. */
export class ViewportDouble implements ViewportAPI {
  private centre: Vector = { x: 0, y: 0 };
  private zoomLevel = 1;
  /** Ids passed to each `scrollAndZoomIntoView` call, in order. */
  readonly scrolledTo: string[][] = [];
  slidesView: 'grid' | 'single-slide' = 'grid';
  canvasView: 'grid' | 'single-asset' = 'grid';

  constructor(private readonly ctx: DoubleContext) {}

  get center(): Vector {
    this.ctx.assertOpen('get_center');
    return { ...this.centre };
  }
  set center(value: Vector) {
    this.ctx.assertOpen('set_center');
    if (!Number.isFinite(value?.x) || !Number.isFinite(value?.y)) throw figmaError('set_center', 'Expected {x, y}');
    this.centre = { x: value.x, y: value.y };
  }

  get zoom(): number {
    this.ctx.assertOpen('get_zoom');
    return this.zoomLevel;
  }
  set zoom(value: number) {
    this.ctx.assertOpen('set_zoom');
    if (!(typeof value === 'number' && value > 0 && Number.isFinite(value)))
      throw figmaError('set_zoom', 'Expected a number > 0');
    this.zoomLevel = value;
  }

  get bounds(): Rect {
    this.ctx.assertOpen('get_bounds');
    const width = VIEWPORT_PIXELS.width / this.zoomLevel;
    const height = VIEWPORT_PIXELS.height / this.zoomLevel;
    return { x: this.centre.x - width / 2, y: this.centre.y - height / 2, width, height };
  }

  scrollAndZoomIntoView(nodes: ReadonlyArray<BaseNode>): void {
    this.ctx.assertOpen('scrollAndZoomIntoView');
    if (!Array.isArray(nodes)) throw figmaError('scrollAndZoomIntoView', 'Expected an array of nodes');
    const doubles = nodes.map((n) => unwrap(n, 'scrollAndZoomIntoView', this.ctx));
    this.scrolledTo.push(doubles.map((n) => n.id));
    const box = unionRects(doubles.flatMap((n) => absoluteBoundingBoxOf(n) ?? []));
    if (!box) return;
    this.centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const fit = Math.min(
      VIEWPORT_PIXELS.width / (box.width * 1.1 || 1),
      VIEWPORT_PIXELS.height / (box.height * 1.1 || 1),
    );
    this.zoomLevel = Math.min(256, Math.max(0.02, fit));
  }
}
