import { describe, expect, it } from 'vitest';
import { formatElapsed, formatSize } from '../../ui/format.js';
import { isSendShortcut } from '../../ui/send-shortcut.js';

describe('formatElapsed', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [12_400, '12 s'],
    [125_000, '2 min 05 s'],
    [-50, '0 s'],
  ])('%i ms → %s', (ms, text) => expect(formatElapsed(1000, 1000 + ms)).toBe(text));
});

describe('formatSize', () => {
  it.each([
    [400, 500, '400 × 500'],
    [399.6, 0.4, '400 × 0'],
  ])('%d × %d → %s', (w, h, text) => expect(formatSize(w, h)).toBe(text));
});

describe('isSendShortcut', () => {
  const cases: [{ key: string; metaKey: boolean; ctrlKey: boolean; isComposing?: boolean }, boolean][] = [
    [{ key: 'Enter', metaKey: true, ctrlKey: false }, true],
    [{ key: 'Enter', metaKey: false, ctrlKey: true }, true],
    [{ key: 'Enter', metaKey: false, ctrlKey: false }, false],
    [{ key: 'a', metaKey: true, ctrlKey: false }, false],
    [{ key: 'Enter', metaKey: true, ctrlKey: false, isComposing: true }, false],
  ];
  it.each(cases)('%j → %s', (event, expected) => expect(isSendShortcut(event)).toBe(expected));
});
