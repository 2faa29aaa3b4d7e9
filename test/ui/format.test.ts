import { describe, expect, it } from 'vitest';
import {
  formatCost,
  formatElapsed,
  formatSize,
  formatTokens,
  formatUsage,
  formatWhen,
  shortModelName,
} from '../../ui/format.js';
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

describe('formatCost', () => {
  it.each([
    [0, '$0'],
    [0.039, '$0.039'],
    [0.06748, '$0.067'],
    [0.1341, '$0.134'],
    [0.00042, '$0.00042'],
    [1.2, '$1.20'],
  ])('%d → %s', (usd, text) => expect(formatCost(usd)).toBe(text));
});

describe('formatUsage', () => {
  it.each([
    [{ costUsd: 0.039, totalTokens: 1290 }, '$0.039 · 1,290 tokens'],
    [{ costUsd: 0.06748, totalTokens: 1680 }, '$0.067 · 1,680 tokens'],
    [{ costUsd: 0, totalTokens: 0, cached: true }, 'cached · $0'],
  ])('%j → %s', (usage, text) => expect(formatUsage(usage)).toBe(text));

  it('counts one token as a token', () => expect(formatTokens(1)).toBe('1 token'));
});

describe('formatWhen', () => {
  const now = new Date('2026-03-04T15:00:00Z');
  it.each([
    ['2026-03-04T09:12:00Z', '09:12'],
    ['2026-03-01T09:12:00Z', '1 Mar'],
    ['2025-12-24T09:12:00Z', '24 Dec 2025'],
    ['not a date', ''],
  ])('%s → %s', (iso, text) => expect(formatWhen(iso, now, 'UTC')).toBe(text));
});

describe('shortModelName', () => {
  const models = [
    { id: 'gemini-3.1-flash-image', label: 'Nano Banana 2 (3.1 Flash Image)' },
    { id: 'plain', label: 'Plain label' },
  ];
  it.each([
    ['gemini-3.1-flash-image', '3.1 Flash Image'],
    ['plain', 'Plain label'],
    ['unknown-model', 'unknown-model'],
  ])('%s → %s', (id, text) => expect(shortModelName(id, models)).toBe(text));
});
