/**
 * `window.bananaPlayground`: what tests and scripts use to look at and drive the playground's document (README,
 * "Browser playground"). Plain JSON in and out, so Playwright's `page.evaluate` can carry it.
 */
import type { FigmaDouble, NodeDescription, SerializedDocument } from '../figma-double/index.js';

export interface PlaygroundApi {
  /** Every node as plain JSON: id, name, type, x, y, width, height, parentId, visible, plugin data keys. */
  nodes(): NodeDescription[];
  /** Selects these nodes on the current page, as a click would (fires `selectionchange`). */
  select(ids: string[]): void;
  /** The whole document as JSON, images included. */
  save(): SerializedDocument;
  /** Replaces the document with a saved one (as opening a file). */
  load(doc: SerializedDocument): void;
  /** Plugin data of a node (every key), e.g. to read a turn record. */
  pluginData(id: string): Record<string, string>;
  /** A node exported as PNG (base64), exactly as `exportAsync` gives it to the plugin. */
  exportPng(id: string, scale?: number): Promise<string>;
  /** A node exported with these settings (base64), e.g. the plugin's own export of a base image. */
  exportPngWith(id: string, settings: ExportSettingsImage): Promise<string>;
  /** ⌘Z. */
  undo(): void;
  /** Every `figma.notify` so far. */
  notifications(): string[];
}

export function createPlaygroundApi(double: FigmaDouble, onLoad: () => void): PlaygroundApi {
  const figma = double.figma;
  const nodeById = async (id: string): Promise<SceneNode> => {
    const node = await figma.getNodeByIdAsync(id);
    if (!node || node.type === 'DOCUMENT' || node.type === 'PAGE') throw new Error(`No layer with id ${id}`);
    return node as SceneNode;
  };
  return {
    nodes: () => double.describeNodes(),
    select(ids) {
      const all = figma.currentPage.findAll(() => true);
      const picked = ids.map((id) => {
        const node = all.find((n) => n.id === id);
        if (!node) throw new Error(`No layer with id ${id} on this page`);
        return node;
      });
      double.userSelect(picked);
    },
    save: () => double.serialize(),
    load(doc) {
      double.load(doc);
      onLoad();
    },
    pluginData(id) {
      const node = figma.currentPage.findOne((n) => n.id === id);
      if (!node) throw new Error(`No layer with id ${id} on this page`);
      return Object.fromEntries(node.getPluginDataKeys().map((key) => [key, node.getPluginData(key)]));
    },
    async exportPng(id, scale = 1) {
      return toBase64(
        await (await nodeById(id)).exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: scale } }),
      );
    },
    async exportPngWith(id, settings) {
      return toBase64(await (await nodeById(id)).exportAsync(settings));
    },
    undo: () => double.undo(),
    notifications: () => double.notifications.map((n) => n.message),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
