/** Setup shared by the Figma double's node tests. */
import { createFigmaDouble, type FigmaDouble } from '../../dev/figma-double/index.js';

/** A fresh Figma double as the plugin `test-plugin` (the id plugin data entries are measured with). */
export const newDouble = (): FigmaDouble => createFigmaDouble({ pluginId: 'test-plugin' });
