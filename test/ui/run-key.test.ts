import { describe, expect, it } from 'vitest';
import { isRunCancelKey, type RunKeyEvent } from '../../ui/run-key.js';

const key = (k: string, more: Partial<RunKeyEvent> = {}): RunKeyEvent => ({
  key: k,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  ...more,
});
const running = { step: 'generating' as const };

describe('the keys that cancel a run', () => {
  it('are Esc, ⌘Z and Ctrl+Z while a run can still be cancelled', () => {
    expect(isRunCancelKey(key('Escape'), running)).toBe(true);
    expect(isRunCancelKey(key('z', { metaKey: true }), running)).toBe(true);
    expect(isRunCancelKey(key('Z', { ctrlKey: true }), { step: 'exporting' })).toBe(true);
  });

  it('leave every key alone with nothing running, or once the result is being placed', () => {
    expect(isRunCancelKey(key('Escape'), null)).toBe(false);
    expect(isRunCancelKey(key('z', { metaKey: true }), null)).toBe(false);
    expect(isRunCancelKey(key('Escape'), { step: 'placing' })).toBe(false);
    expect(isRunCancelKey(key('z', { ctrlKey: true }), { step: 'placing' })).toBe(false);
  });

  it('leave redo, plain z and a key pressed while composing text alone', () => {
    expect(isRunCancelKey(key('z', { metaKey: true, shiftKey: true }), running)).toBe(false);
    expect(isRunCancelKey(key('z'), running)).toBe(false);
    expect(isRunCancelKey(key('Escape', { isComposing: true }), running)).toBe(false);
  });
});
