/** What actions work with: the state they change and the three things outside the panel they talk to. */
import type { Settings } from '../../core/settings.js';
import type { PanelBridge } from '../bridge.js';
import type { ImageFitter } from '../image/image-fitter.js';
import type { PixelCodec } from '../image/pixel-codec.js';
import type { ProxyClient } from '../proxy-client.js';
import type { AppState } from '../state.js';

export interface AppDeps {
  state: AppState;
  bridge: PanelBridge;
  /** A proxy client for the current settings. */
  proxyFor(settings: Settings): ProxyClient;
  fitImage: ImageFitter;
  /**
   * Exact pixels for regional edits: the browser's canvas where it is lossless (ui/image/canvas-codec.ts); without
   * it, the pure codec (the same bytes, slower).
   */
  pixels?: PixelCodec;
  /** Milliseconds since the epoch, for the elapsed-time display. */
  now(): number;
}
