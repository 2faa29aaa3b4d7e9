/**
 * Style conversion presets: a short list of prompt templates one click away in the panel. Plain data, so adding a style
 * is adding a row. Each follows Google's style-transfer template (docs/gemini-platform.md#prompting-guidance):
 * "Transform the provided photograph of [subject] into the artistic style of [art style]. Preserve the original
 * composition but render it with [description of stylistic elements]." Each starts with its label ("Watercolour style:
 * …") so the result's layer name and History row say which style it is.
 */

/** One preset: a short label for its button and the prompt it puts in the prompt box. */
export interface StylePreset {
  id: string;
  label: string;
  prompt: string;
}

export const STYLE_PRESETS: readonly StylePreset[] = [
  {
    id: 'watercolour',
    label: 'Watercolour',
    prompt:
      'Watercolour style: transform the provided image into a watercolour painting. Preserve the original composition but render it ' +
      'with soft, translucent washes that bleed at their edges, visible paper grain and a light, airy palette.',
  },
  {
    id: 'flat-vector',
    label: 'Flat vector',
    prompt:
      'Flat vector style: transform the provided image into a flat vector illustration. Preserve the original composition but render ' +
      'it with clean geometric shapes, solid fills without gradients or texture, crisp edges and a limited palette.',
  },
  {
    id: 'film-35mm',
    label: '35 mm film',
    prompt:
      '35 mm film style: transform the provided image into a photograph shot on 35 mm colour film. Preserve the original composition ' +
      'but render it with natural film grain, soft halation around highlights, slightly lifted blacks and warm colour.',
  },
  {
    id: 'clay-3d',
    label: 'Clay 3D',
    prompt:
      'Clay 3D style: transform the provided image into a 3D clay render. Preserve the original composition but render it with ' +
      'soft, rounded forms modelled in matte plasticine, subtle tool marks and gentle studio lighting.',
  },
  {
    id: 'line-art',
    label: 'Line art',
    prompt:
      'Line art style: transform the provided image into clean line art. Preserve the original composition but render it with ' +
      'confident black ink lines of even weight on a white background, without shading or colour fills.',
  },
  {
    id: 'risograph',
    label: 'Risograph',
    prompt:
      'Risograph style: transform the provided image into a risograph print. Preserve the original composition but render it with ' +
      'two or three bold spot inks, grainy halftone texture and slightly misregistered layers.',
  },
];
