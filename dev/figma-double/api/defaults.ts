/** Fixed values of the double's `figma` object and its settings. */
import type { UiHost } from '../ui/ui-host.js';

/** `figma.mixed`, one symbol for every double (Figma's is one per plugin run). */
export const MIXED: symbol = Symbol('figma.mixed');

/** The signed-in person unless a test says otherwise (`currentUser: null` models "not available"). */
export const DEFAULT_USER: User = Object.freeze({
  id: '1234567890',
  name: 'Dana Designer',
  photoUrl: null,
  color: '#18A0FB',
  sessionId: 1,
});

/** Settings of one double. */
export interface FigmaApiDoubleOptions {
  pluginId: string;
  currentUser: User | null;
  ui: UiHost | null;
  command: string;
  clientStorage: Record<string, unknown>;
}
