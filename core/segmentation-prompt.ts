/**
 * The words a segmentation call sends, after Google's example in the image-understanding guide
 * (docs/gemini-platform.md#segmentation-masks): "Give the segmentation masks for the wooden and glass items. Output a
 * JSON list of segmentation masks where each entry contains the 2D bounding box in the key "box_2d", the
 * segmentation mask in key "mask", and the text label in the key "label". Use descriptive labels."
 */

/** What Remove background asks for: every part of the foreground subject, so their masks' union is the subject. */
export const MAIN_SUBJECT = 'the main foreground subject (every part of it, and anything it holds or wears)';

/** The prompt for `label` ("the mug"), or for the main subject without one. */
export function segmentationPrompt(label?: string): string {
  const target = label?.trim() || MAIN_SUBJECT;
  return [
    `Give the segmentation masks for ${target}.`,
    'Output a JSON list of segmentation masks where each entry contains the 2D bounding box in the key "box_2d",',
    'the segmentation mask in key "mask", and the text label in the key "label". Use descriptive labels.',
  ].join(' ');
}
