/** Setup shared by the trigger tests: the Gemini double and the SDK for one file, and what the tests ask of them. */
import type { GenerateContentResponse } from '@google/genai';
import { apiErrorOf, rejection } from '../support/gemini-answers.js';
import { useGeminiDoubleWithSdk, type DoubleWithSdk } from '../support/gemini-sdk.js';
import type { RecordedRequest } from '../../dev/gemini-double/recorded-request.js';

/** The double and client of one test file, the model its triggers are tried on, and two ways to use them. */
export interface TriggerDouble {
  sdk: DoubleWithSdk;
  model: string;
  /** Asks `model` for `contents` at 512 (small and quick), with `config` on top. */
  ask(contents: string, config?: Record<string, unknown>): Promise<GenerateContentResponse>;
  /** The record of the call whose prompt contained `marker`. */
  recordFor(marker: string): RecordedRequest;
}

/** Starts the double for the file's tests (see useGeminiDoubleWithSdk); use what it returns inside a test. */
export function useTriggerDouble(): TriggerDouble {
  const sdk = useGeminiDoubleWithSdk();
  const model = 'gemini-3.1-flash-image';

  const ask = (contents: string, config: Record<string, unknown> = {}) =>
    sdk.ai.models.generateContent({ model, contents, config: { imageConfig: { imageSize: '512' }, ...config } });

  function recordFor(marker: string): RecordedRequest {
    const found = sdk.double.requests.filter((r) => JSON.stringify(r.body).includes(marker)).at(-1);
    if (!found) throw new Error(`no request with ${marker}`);
    return found;
  }

  return { sdk, model, ask, recordFor };
}

/** The HTTP status and error body of the `ApiError` that `promise` must reject with. */
export async function apiError(
  promise: Promise<unknown>,
): Promise<{ status: number; body: { error: Record<string, unknown> } }> {
  return apiErrorOf(await rejection(promise));
}
