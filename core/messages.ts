/**
 * The sandbox ⇄ panel contract (docs/architecture.md#sandbox-and-panel-messages): one discriminated union per
 * direction, `type` in SCREAMING_SNAKE, validated on receipt with zod. Requests carry a numeric `requestId` and get
 * exactly one `REPLY`; images cross as `Uint8Array`, one image per message
 * (docs/figma-platform.md#little-memory-in-the-sandbox). Plain snapshots cross, never nodes.
 *
 * This is the entry point both ends import; the contract is written in parts, by what the messages are:
 * - core/ui-messages.ts: what the panel sends (requests and notifications);
 * - core/sandbox-messages.ts: what the sandbox sends (the selection, replies, errors, history changes);
 * - core/node-snapshot.ts: the plain description of a selected layer;
 * - core/reply-values.ts: what each request is answered with, with core/history-snapshot.ts and
 *   core/component-set-made.ts;
 * - core/ui-message-handlers.ts: the sandbox's handler table as a type;
 * - core/parse-messages.ts: validating what is received;
 * - core/message-fields.ts: the fields they share.
 *
 * All of them use `zod/mini` so the sandbox bundle stays small.
 */
export { appErrorSchema, isUint8Array } from './message-fields.js';
export * from './ui-messages.js';
export * from './node-snapshot.js';
export * from './sandbox-messages.js';
export * from './reply-values.js';
export * from './history-snapshot.js';
export * from './component-set-made.js';
export type * from './ui-message-handlers.js';
export * from './parse-messages.js';
