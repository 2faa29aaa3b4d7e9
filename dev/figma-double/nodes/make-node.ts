/** Makes an empty node of any type the double supports (the one module that knows every node class). */
import type { DoubleContext } from '../document/context.js';
import { notImplementedError } from '../errors.js';
import { ComponentDouble } from './component-double.js';
import { ComponentSetDouble } from './component-set-double.js';
import { DocumentDouble } from './document-double.js';
import { EllipseDouble } from './ellipse-double.js';
import { FrameDouble } from './frame-double.js';
import { GroupDouble } from './group-double.js';
import { InstanceDouble } from './instance-double.js';
import type { NodeDouble } from './node-double.js';
import { PageDouble } from './page-double.js';
import { PolygonDouble, StarDouble } from './polygon-double.js';
import { RectangleDouble } from './rectangle-double.js';
import { TextDouble } from './text-double.js';
import { VectorDouble } from './vector-double.js';

/** Node types the double can hold. */
export const SUPPORTED_TYPES = [
  'DOCUMENT',
  'PAGE',
  'FRAME',
  'GROUP',
  'RECTANGLE',
  'ELLIPSE',
  'VECTOR',
  'POLYGON',
  'STAR',
  'TEXT',
  'COMPONENT',
  'COMPONENT_SET',
  'INSTANCE',
] as const;

/** A new node of `type` with `id`. */
export function makeNode(ctx: DoubleContext, type: NodeType, id: string): NodeDouble {
  switch (type) {
    case 'DOCUMENT':
      return new DocumentDouble(ctx, id);
    case 'PAGE':
      return new PageDouble(ctx, id);
    case 'FRAME':
      return new FrameDouble(ctx, id);
    case 'GROUP':
      return new GroupDouble(ctx, id);
    case 'RECTANGLE':
      return new RectangleDouble(ctx, id);
    case 'ELLIPSE':
      return new EllipseDouble(ctx, id);
    case 'VECTOR':
      return new VectorDouble(ctx, id);
    case 'POLYGON':
      return new PolygonDouble(ctx, id);
    case 'STAR':
      return new StarDouble(ctx, id);
    case 'TEXT':
      return new TextDouble(ctx, id);
    case 'COMPONENT':
      return new ComponentDouble(ctx, id);
    case 'COMPONENT_SET':
      return new ComponentSetDouble(ctx, id);
    case 'INSTANCE':
      return new InstanceDouble(ctx, id);
    default:
      throw notImplementedError(`Nodes of type ${type}`);
  }
}
