/**
 * Error messages in Figma's style ("in <operation>: <what went wrong>"), so that code tested against the double
 * meets the same kind of failure it will meet in Figma.
 */

/** An Error whose message starts with Figma's `in <operation>:` prefix. */
export function figmaError(operation: string, message: string): Error {
  return new Error(`in ${operation}: ${message}`);
}

/**
 * Thrown by sync APIs that `documentAccess: "dynamic-page"` forbids (docs/figma-platform.md#dynamic-page-loading), e.g.
 * "Cannot call getNodeById with documentAccess: dynamic-page. Use figma.getNodeByIdAsync instead."
 */
export function dynamicPageError(operation: string, action: string, replacement: string): Error {
  return figmaError(operation, `Cannot ${action} with documentAccess: dynamic-page. Use ${replacement} instead.`);
}

/**
 * Thrown by every API call after `figma.closePlugin()` (it "disables callbacks and Figma APIs":
 * docs/figma-platform.md#conventions).
 */
export function closedError(operation: string): Error {
  return figmaError(operation, 'The plugin has been closed. Figma APIs cannot be used after figma.closePlugin().');
}

/** Thrown when a removed node is used. */
export function removedNodeError(operation: string, id: string): Error {
  return figmaError(operation, `The node with id "${id}" does not exist`);
}

/** Thrown for a page whose contents have not been loaded under dynamic-page. */
export function unloadedPageError(operation: string): Error {
  return figmaError(
    operation,
    'Cannot access children on a page that has not been explored. Call `await page.loadAsync()` to access children on this page.',
  );
}

/** Thrown by a part of the API the double does not implement (so a gap is loud, never silently wrong). */
export function notImplementedError(what: string): Error {
  return new Error(`${what} is not implemented by the Figma double (dev/figma-double)`);
}
