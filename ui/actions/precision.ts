/**
 * The panel's actions for precise edits (docs/regional-edits.md): choose the base among the selected layers, give a reference its
 * role, pin a subject for the session, switch Keep text editable, and put a style preset in the prompt.
 */
import { batch } from '@preact/signals';
import type { ReferenceRole } from '../../core/selection-roles.js';
import { STYLE_PRESETS } from '../../core/style-presets.js';
import type { AppState } from '../state.js';

export interface PrecisionActions {
  /** Makes this selected layer the base; the others become references (or the region). */
  setBase(nodeId: string): void;
  /** Marks a reference layer as style, subject or product. */
  setReferenceRole(nodeId: string, role: ReferenceRole): void;
  /** Pins a layer as the subject: it goes with every turn of this session until unpinned. */
  pinSubject(nodeId: string, name: string): void;
  unpinSubject(): void;
  setKeepText(on: boolean): void;
  /** Puts a style preset's prompt in the prompt box and moves the cursor there. */
  applyStylePreset(id: string): void;
}

export function createPrecisionActions(state: AppState): PrecisionActions {
  const { precision } = state;
  const setRole = (nodeId: string, role: ReferenceRole): void => {
    const next = new Map(precision.roles.peek());
    next.set(nodeId, role);
    precision.roles.value = next;
  };
  return {
    setBase(nodeId) {
      precision.baseId.value = nodeId;
    },
    setReferenceRole(nodeId, role) {
      batch(() => {
        setRole(nodeId, role);
        // A pinned subject that is given another role is no longer the pinned subject.
        if (role !== 'subject' && precision.pinned.peek()?.nodeId === nodeId) precision.pinned.value = null;
      });
    },
    pinSubject(nodeId, name) {
      batch(() => {
        setRole(nodeId, 'subject');
        precision.pinned.value = { nodeId, name };
      });
    },
    unpinSubject() {
      precision.pinned.value = null;
    },
    setKeepText(on) {
      precision.keepText.value = on;
    },
    applyStylePreset(id) {
      const preset = STYLE_PRESETS.find((p) => p.id === id);
      if (!preset) return;
      batch(() => {
        state.prompt.value = preset.prompt;
        state.promptFocus.value += 1;
      });
    },
  };
}
