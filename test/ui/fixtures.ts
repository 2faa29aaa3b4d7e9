/** The model list as the proxy serves it, built from the real registry (config/models.json). */
import registry from '../../config/models.json' with { type: 'json' };
import { inputTokensPerImage } from '../../core/cost-estimate.js';
import { parseModelRegistry, pricePerImageUsd, sizesOf, type ImageSize } from '../../core/models.js';
import type { ModelsResponse } from '../../core/proxy-schema.js';

const parsed = parseModelRegistry(registry);

export const publicModels: ModelsResponse = {
  defaultModel: parsed.defaultModel,
  models: parsed.models.map((model) => ({
    id: model.id,
    label: model.label,
    description: model.description,
    aspectRatios: model.aspectRatios,
    imageSizes: model.imageSizes,
    defaultImageSize: model.defaultImageSize,
    dimensions: model.dimensions,
    maxInputImages: model.maxInputImages,
    pricePerImageUsd: Object.fromEntries(
      sizesOf(model).map((size: ImageSize) => [size, pricePerImageUsd(model, size)]),
    ),
    inputUsdPerMillionTokens: model.pricing.inputUsdPerMillionTokens,
    inputTokensPerImage: inputTokensPerImage(model),
    outputTextUsdPerMillionTokens: model.pricing.outputTextUsdPerMillionTokens,
    typicalTextTokens: model.pricing.typicalTextTokens,
    typicalThoughtsTokens: model.pricing.typicalThoughtsTokens,
    batchRate: model.pricing.batchRate,
    status: model.status,
    ...(model.replacement ? { replacement: model.replacement } : {}),
  })),
};
