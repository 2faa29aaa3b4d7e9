/**
 * What a tool's result layer is called after its source, instead of the instruction the tool sent ("Product shot —
 * Expand" rather than "Product shot — Extend the scene into…"); the record keeps the instruction as its prompt.
 */
import type { ImageToolName, TurnTool } from './image-tool.js';

const LABELS: Record<ImageToolName, string> = {
  expand: 'Expand',
  boost: 'Boost resolution',
  'remove-background': 'Remove background',
  isolate: 'Isolate object',
  erase: 'Erase',
  adjust: 'Adjusted',
};

/** The label of the tool that made a turn ("Expand 1067×600", "Boost resolution 4096×4096"). */
export function toolLabel(tool: TurnTool): string {
  const label = LABELS[tool.name];
  if (tool.canvas) return `${label} ${Math.round(tool.canvas.width)}×${Math.round(tool.canvas.height)}`;
  if (tool.pixelsAfter) return `${label} ${tool.pixelsAfter.width}×${tool.pixelsAfter.height}`;
  return label;
}
