import { readFileSync } from 'node:fs';
import { parseModelRegistry, type ModelRegistry } from '../../core/models.js';

/** The registry the proxy ships with, `config/models.json`. */
export function loadRegistry(): ModelRegistry {
  return parseModelRegistry(JSON.parse(readFileSync(new URL('../../config/models.json', import.meta.url), 'utf8')));
}
