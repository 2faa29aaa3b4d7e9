/** ⌘+Enter on macOS, Ctrl+Enter elsewhere, sends the prompt; Enter alone is a new line. */
export function isSendShortcut(event: {
  key: string;
  metaKey: boolean;
  ctrlKey: boolean;
  isComposing?: boolean;
}): boolean {
  return event.key === 'Enter' && (event.metaKey || event.ctrlKey) && !event.isComposing;
}
