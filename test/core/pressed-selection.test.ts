import { describe, expect, it } from 'vitest';
import { selectionStillPressed } from '../../core/pressed-selection.js';

describe('selectionStillPressed', () => {
  const cases: [string, string[], string[] | undefined, string[], boolean][] = [
    ['the same layer as at the press', ['1:2'], ['1:2'], [], true],
    ['the same layers in another order', ['1:3', '1:2'], ['1:2', '1:3'], [], true],
    ['nothing selected then and now (text-to-image)', [], [], [], true],
    ['another layer now', ['1:9'], ['1:2'], [], false],
    ['one more layer now', ['1:2', '1:9'], ['1:2'], [], false],
    ['nothing now: the designer clicked the empty canvas', [], ['1:2'], [], false],
    ['something now after an empty press', ['1:9'], [], [], false],
    ['the batch placed so far', ['r1', 'r2'], ['1:2'], ['r1', 'r2'], true],
    ['part of the batch: the designer picked one', ['r1'], ['1:2'], ['r1', 'r2'], false],
    ['an older panel that sends no press', ['1:9'], undefined, [], true],
  ];
  it.each(cases)('%s → %s', (_name, current, pressed, placed, expected) => {
    expect(selectionStillPressed(current, pressed, placed)).toBe(expected);
  });
});
