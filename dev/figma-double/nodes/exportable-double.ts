/**
 * `exportAsync` (`ExportMixin`, docs/figma-platform.md#exporting) for scene nodes and pages alike: both render real
 * pixels through render/export-node.ts, and a page must be loaded first under dynamic-page
 * (docs/figma-platform.md#dynamic-page-loading).
 */
import { exportNodeAsync } from '../render/export-node.js';
import { NodeDouble, type BaseProps } from './node-double.js';
import { assertLoaded } from './tree.js';

/** A node that can be exported: every scene node, and a page. */
export abstract class ExportableDouble<P extends BaseProps = BaseProps> extends NodeDouble<P> {
  exportAsync(settings?: ExportSettings): Promise<Uint8Array>;
  exportAsync(settings: ExportSettingsSVGString): Promise<string>;
  exportAsync(settings: ExportSettingsREST): Promise<object>;
  exportAsync(settings: ExportSettingsMP4 | ExportSettingsGIF | ExportSettingsWEBM): Promise<Uint8Array>;
  /** Renders the node, or everything on a page; see render/export-node.ts for what is drawn. */
  exportAsync(
    settings?:
      | ExportSettings
      | ExportSettingsSVGString
      | ExportSettingsREST
      | ExportSettingsMP4
      | ExportSettingsGIF
      | ExportSettingsWEBM,
  ): Promise<Uint8Array | string | object> {
    try {
      this.$use('exportAsync');
      // Only a page can be unloaded; for a scene node this checks nothing.
      assertLoaded(this, 'exportAsync');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return exportNodeAsync(this, settings);
  }
}
