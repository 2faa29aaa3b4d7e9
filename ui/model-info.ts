/**
 * The panel knows models as `GET /v1/models` lists them ({@link PublicModel}); core/aspect.ts takes the
 * registry's {@link ModelInfo}. Both carry the ratios, sizes and pixel tables that size choice reads; this fills
 * the fields size choice never looks at.
 */
import type { ModelInfo } from '../core/models.js';
import type { PublicModel } from '../core/proxy-schema.js';

/** A {@link ModelInfo} with the public model's ratios, sizes and dimensions (prices and timeouts left empty). */
export function asModelInfo(model: PublicModel): ModelInfo {
  return {
    id: model.id,
    label: model.label,
    description: model.description,
    aspectRatios: model.aspectRatios,
    imageSizes: model.imageSizes,
    defaultImageSize: model.defaultImageSize,
    dimensions: model.dimensions,
    maxInputImages: model.maxInputImages,
    thoughtSignatures: false,
    pricing: {
      inputUsdPerMillionTokens: model.inputUsdPerMillionTokens,
      outputUsdPerMillionTokens: 0,
      outputTokensPerImage: {},
    },
    timeoutSeconds: {},
  };
}
