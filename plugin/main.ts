/**
 * Figma's entry point: the only file that reads the `figma` and `__html__` globals. Everything else gets them
 * passed in, so the same code runs against the Figma double.
 */
import { createPlugin } from './create-plugin.js';

createPlugin(figma, __html__);
