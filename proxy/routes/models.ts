import { costModelOf } from '../../core/cost-estimate.js';
import { fallbackModel, type ModelRegistry } from '../../core/models.js';
import type { ModelsResponse, UnavailableModel } from '../../core/proxy-schema.js';

/**
 * The registry as `GET /v1/models` serves it: what the panel needs to offer choices and estimate cost. Models the
 * key cannot reach (`unreachable`, from `model-availability.ts`) are left out and listed under `unavailable` with
 * the model their designers move to; the default moves the same way when it is one of them.
 */
export function publicModels(
  registry: ModelRegistry,
  unreachable: ReadonlyMap<string, string> = new Map(),
): ModelsResponse {
  const gone = new Set(unreachable.keys());
  const offered = registry.models.filter((m) => !gone.has(m.id));
  const unavailable: UnavailableModel[] = registry.models
    .filter((m) => gone.has(m.id))
    .map((m) => ({ id: m.id, label: m.label, replacement: fallbackModel(registry, m.id, gone)?.id ?? null }));
  // When every model is gone there is nothing to move to: the configured default stays, unoffered.
  const moved = gone.has(registry.defaultModel) ? fallbackModel(registry, registry.defaultModel, gone) : null;
  const defaultModel = moved?.id ?? registry.defaultModel;
  return {
    defaultModel,
    models: offered.map((m) => {
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
        ...(cost.inputImageUsdPerMillionTokens !== undefined
          ? { inputImageUsdPerMillionTokens: cost.inputImageUsdPerMillionTokens }
          : {}),
        outputTextUsdPerMillionTokens: m.pricing.outputTextUsdPerMillionTokens,
        typicalTextTokens: m.pricing.typicalTextTokens,
        typicalThoughtsTokens: m.pricing.typicalThoughtsTokens,
        thoughtSignatures: m.thoughtSignatures,
        batchRate: m.pricing.batchRate,
        status: m.status,
        ...(m.replacement !== undefined ? { replacement: m.replacement } : {}),
      };
    }),
    ...(unavailable.length > 0 ? { unavailable } : {}),
  };
}
