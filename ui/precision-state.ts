/**
 * The panel's state for precise edits: which selected layer is the base when the person picks one, the
 * role of each reference layer, the pinned subject (kept for the panel session, sent with every turn), and the
 * Keep-text-editable choice. Part of `createAppState()` as `state.precision`.
 */
import { signal } from '@preact/signals';
import type { ReferenceRole } from '../core/selection-roles.js';
import type { PinnedSubject } from '../core/edit-inputs.js';

export function createPrecisionState() {
  /** The layer the person chose as the base, or null for the automatic choice (core/selection-roles.ts). */
  const baseId = signal<string | null>(null);
  /** The roles the person gave reference layers, by layer id; others are style references. */
  const roles = signal<ReadonlyMap<string, ReferenceRole>>(new Map());
  /** The subject pinned for this panel session: it goes with every turn until unpinned. */
  const pinned = signal<PinnedSubject | null>(null);
  /** Keep text editable, as the person set it; null means "not set": on for a frame with text. */
  const keepText = signal<boolean | null>(null);
  return { baseId, roles, pinned, keepText };
}

export type PrecisionState = ReturnType<typeof createPrecisionState>;
