/** A tool's failure in the tool's words (core/tool-error.ts): no tool asks to rephrase a prompt it does not have. */
import { describe, expect, it } from 'vitest';
import { appError, type ErrorCode } from '../../core/errors.js';
import { IMAGE_TOOLS } from '../../core/image-tool.js';
import { toolError } from '../../core/tool-error.js';

const PROXY_SAFETY = appError(
  'safety_blocked',
  "Gemini's safety filters blocked the generated image (IMAGE_SAFETY). Rephrase the prompt or change the input image, then try again.",
);

describe('toolError', () => {
  it.each([
    [
      'expand',
      /^Gemini’s safety filters refused to expand this image, so nothing was added\. Try another image, or a smaller expansion\.$/,
    ],
    ['boost', /refused to boost this image’s resolution, so nothing was added\. Try another image\.$/],
    ['erase', /refused to erase what this shape covers, so nothing was added\. Try a shape over a different object/],
    ['remove-background', /refused to remove this image’s background, so nothing was added\. Try another image\.$/],
    ['isolate', /refused to isolate this object, so nothing was added\. Try another name for the object/],
  ] as const)('says what %s could not do after a safety block, and never to rephrase a prompt', (tool, words) => {
    const said = toolError(tool, { ...PROXY_SAFETY, mayHaveBilledUsd: 0.04 });
    expect(said.message).toMatch(words);
    expect(said.message).not.toMatch(/prompt/i);
    expect(said).toMatchObject({ code: 'safety_blocked', mayHaveBilledUsd: 0.04 });
  });

  it.each(IMAGE_TOOLS.filter((tool) => tool !== 'adjust'))(
    'words an answer without an image and a rejected request for %s, with no prompt in them',
    (tool) => {
      for (const code of ['no_image_returned', 'upstream_rejected'] as const) {
        const said = toolError(tool, appError(code));
        expect(said.code).toBe(code);
        expect(said.message).not.toMatch(/prompt/i);
        expect(said.message).toMatch(/nothing was added\. Try/);
      }
    },
  );

  it('keeps a cut-out’s own “found no subject”, which is already the tool’s words', () => {
    const none = appError('no_image_returned', 'Gemini found no subject to keep in this image. Nothing was changed.');
    expect(toolError('remove-background', none)).toEqual(none);
    expect(toolError('isolate', none)).toEqual(none);
    expect(toolError('expand', none).message).toMatch(
      /^Gemini answered without an image when asked to expand this image/,
    );
  });

  it.each<ErrorCode>(['cancelled', 'upstream_unavailable', 'budget_exhausted', 'proxy_unreachable', 'bad_request'])(
    'leaves %s as it is: its words do not speak of a prompt the tool lacks',
    (code) => {
      const error = { ...appError(code), mayHaveBilledUsd: 0.02 };
      expect(toolError('expand', error)).toBe(error);
    },
  );
});
