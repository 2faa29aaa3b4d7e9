import { costModelOf } from '../../core/cost-estimate.js';
import type { ModelRegistry } from '../../core/models.js';
import type { ModelsResponse } from '../../core/proxy-schema.js';

/** The registry as `GET /v1/models` serves it: what the panel needs to offer choices and estimate cost. */
export function publicModels(registry: ModelRegistry): ModelsResponse {
  return {
    defaultModel: registry.defaultModel,
    models: registry.models.map((m) => {
      const cost = costModelOf(m);
      return {
        id: m.id,
        label: m.label,
        description: m.description,
        aspectRatios: m.aspectRatios,
        imageSizes: m.imageSizes,
        defaultImageSize: m.defaultImageSize,
        dimensions: m.dimensions,
        maxInputImages: m.maxInputImages,
        pricePerImageUsd: cost.pricePerImageUsd,
        inputUsdPerMillionTokens: cost.inputUsdPerMillionTokens,
        inputTokensPerImage: cost.inputTokensPerImage,
        thoughtSignatures: m.thoughtSignatures,
      };
    }),
  };
}
