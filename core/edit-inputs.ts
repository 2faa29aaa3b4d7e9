/**
 * What goes with an edit besides the frame: the shape that marks a region, the reference layers and their
 * roles, the pinned subject, and whether the text stays editable. Read from the selection and the person's choices,
 * and checked before anything is sent: one region shape at most, a closed one, and no more images than the model
 * takes (`maxInputImages` from `GET /v1/models`).
 */
import { appError, type AppError } from './errors.js';
import type { NodeSnapshot } from './messages.js';
import type { PublicModel } from './proxy-schema.js';
import type { ReferenceRole, SelectionRoles } from './selection-roles.js';
import { classifyTextLayers } from './text-context.js';
import { textContextInstruction } from './text-context-instruction.js';

/** A subject pinned for the panel session: it goes with every turn as a subject reference. */
export interface PinnedSubject {
  nodeId: string;
  name: string;
}

/** A reference layer to export and send, with its role; `pinned` for the pinned subject. */
export interface PlannedReference {
  nodeId: string;
  name: string;
  role: ReferenceRole;
  pinned: boolean;
}

export interface EditInputs {
  /** The shape marking the region, or null for a whole-frame edit. */
  region: NodeSnapshot | null;
  /** Further shapes over the frame (a regional edit takes one). */
  extraShapes: NodeSnapshot[];
  /** References in send order: the selected ones, then the pinned subject when it is not among them. */
  references: PlannedReference[];
  /** Keep text editable: export without the text, place a copy of the frame with its text live on top. */
  keepText: boolean;
  /**
   * The names of selected references with no role yet (neither chosen nor said by the name): nothing is sent until
   * each has one, so a reference is never silently taken as style.
   */
  unassigned?: readonly string[];
}

export const NO_EDIT_INPUTS: EditInputs = { region: null, extraShapes: [], references: [], keepText: false };

/**
 * Whether Keep text editable applies: the person's choice (null: not chosen, so on), for a frame with text. Only a
 * frame can be copied with its text kept live.
 */
export function keepTextApplies(base: NodeSnapshot | null, choice: boolean | null): boolean {
  return base !== null && base.type === 'FRAME' && base.hasText && (choice ?? true);
}

/** The edit's inputs from the selection's roles, the pinned subject and the Keep-text choice. */
export function editInputsOf(
  roles: SelectionRoles<NodeSnapshot>,
  pinned: PinnedSubject | null,
  keepTextChoice: boolean | null,
): EditInputs {
  const base = roles.base;
  if (!base) return NO_EDIT_INPUTS;
  const references: PlannedReference[] = [];
  const unassigned: string[] = [];
  for (const { layer, role } of roles.references) {
    if (role) references.push({ nodeId: layer.id, name: layer.name, role, pinned: pinned?.nodeId === layer.id });
    else unassigned.push(layer.name);
  }
  if (pinned && pinned.nodeId !== base.id && !references.some((r) => r.nodeId === pinned.nodeId)) {
    references.push({ nodeId: pinned.nodeId, name: pinned.name, role: 'subject', pinned: true });
  }
  return {
    region: roles.region,
    extraShapes: roles.extraShapes,
    references,
    keepText: keepTextApplies(base, keepTextChoice),
    ...(unassigned.length > 0 ? { unassigned } : {}),
  };
}

/** What is wrong with the inputs for `model`, said so a person can fix it, or null. */
export function checkEditInputs(model: PublicModel, base: NodeSnapshot, inputs: EditInputs): AppError | null {
  if (inputs.extraShapes.length > 0) {
    const count = inputs.extraShapes.length + 1;
    return appError(
      'bad_request',
      `${count} shapes are over “${base.name}”. Select one shape to mark the part to change, or none to edit it all.`,
    );
  }
  const unassigned = inputs.unassigned ?? [];
  if (unassigned.length > 0) {
    const names = unassigned.map((name) => `“${name}”`).join(', ');
    return appError(
      'bad_request',
      `Choose what ${names} ${unassigned.length === 1 ? 'is' : 'are'} for: style, subject or product. ` +
        'Each reference needs a role before Generate.',
    );
  }
  if (inputs.region?.type === 'LINE') {
    return appError('bad_request', 'A line has no area. Draw a closed shape over the part to change.');
  }
  const images = 1 + inputs.references.length;
  if (images > model.maxInputImages) {
    const over = images - model.maxInputImages;
    const references = inputs.references.length === 1 ? '1 reference' : `${inputs.references.length} references`;
    return appError(
      'too_many_images',
      `${model.label} takes at most ${model.maxInputImages} ${model.maxInputImages === 1 ? 'image' : 'images'}; ` +
        `this edit has ${images} (the frame and ${references}). Remove ${over} ${over === 1 ? 'reference' : 'references'}` +
        `${inputs.references.some((r) => r.pinned) ? ' (or unpin the subject)' : ''}, or pick a model that takes more.`,
    );
  }
  return null;
}

/** The paragraph about the frame's text (core/text-context-instruction.ts), or '' for a frame without any. */
export function textParagraphOf(base: NodeSnapshot | null, keepText: boolean): string {
  if (!base?.texts || base.texts.length === 0) return '';
  const items = classifyTextLayers(base.texts, { width: base.width, height: base.height });
  return textContextInstruction(items, keepText);
}
