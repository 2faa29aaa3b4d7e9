import type { ModelRegistry } from '../../core/models.js';
import { pricePerImageUsd, sizesOf } from '../../core/models.js';
import type { ModelsResponse } from '../../core/proxy-schema.js';

/** The registry as `GET /v1/models` serves it: what the panel needs to offer choices and estimate cost. */
export function publicModels(registry: ModelRegistry): ModelsResponse {
  return {
    defaultModel: registry.defaultModel,
    models: registry.models.map((m) => ({
      id: m.id,
      label: m.label,
      description: m.description,
      aspectRatios: m.aspectRatios,
      imageSizes: m.imageSizes,
      defaultImageSize: m.defaultImageSize,
      dimensions: m.dimensions,
      maxInputImages: m.maxInputImages,
      pricePerImageUsd: Object.fromEntries(sizesOf(m).map((s) => [s, pricePerImageUsd(m, s)])),
      inputUsdPerMillionTokens: m.pricing.inputUsdPerMillionTokens,
    })),
  };
}
