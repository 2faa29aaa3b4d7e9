/**
 * What components and component sets share (`PublishableMixin` in plugin-api.d.ts): a description, a key derived from
 * the id, and no team library behind them. Instances are frame-likes too, but not publishable.
 */
import { figmaError } from '../errors.js';
import { sha1Hex } from '../../../core/sha1.js';
import { FrameLikeDouble, type FrameProps } from './frame-like-double.js';

/** State of a publishable node: a frame's, and its description. */
export interface PublishableProps extends FrameProps {
  description: string;
}

/** The `PublishableMixin` members the double implements. */
export type PublishableKeys = 'description' | 'key' | 'remote' | 'getPublishStatusAsync';

/** A stable, file-unique 40-hex key for a component or set, derived from its id. */
export function keyFor(id: string): string {
  return sha1Hex(new TextEncoder().encode(`component-key:${id}`));
}

/** A component or a component set. */
export abstract class PublishableDouble<P extends PublishableProps = PublishableProps> extends FrameLikeDouble<P> {
  get description(): string {
    this.$use('get_description');
    return this.$state.description;
  }
  set description(value: string) {
    this.$use('set_description');
    if (typeof value !== 'string') throw figmaError('set_description', 'Expected a string');
    this.$set('description', value);
  }

  get key(): string {
    this.$use('get_key');
    return keyFor(this.id);
  }

  /** Always false: the double has no team libraries. */
  get remote(): boolean {
    this.$use('get_remote');
    return false;
  }

  /**
   * Always 'UNPUBLISHED': the double has no team library, and a plugin cannot publish
   * (docs/figma-platform.md#plugins-cannot-publish), so nothing the plugin does can change it.
   */
  getPublishStatusAsync(): Promise<PublishStatus> {
    try {
      this.$use('getPublishStatusAsync');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return Promise.resolve('UNPUBLISHED');
  }
}
