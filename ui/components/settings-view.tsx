/**
 * Proxy URL and team token, saved in clientStorage through the sandbox (never in the bundle). No `<form>`
 * submission: a plugin iframe may be sandboxed without `allow-forms`, which blocks the submit event entirely, so
 * Save is a plain button and Enter in a field does the same.
 */
import { useSignal } from '@preact/signals';
import { reachableOrigins } from '../../core/build-may-reach.js';
import { BUILD_TARGET } from '../../core/build-target.js';
import type { ConnectionReport } from '../../core/connection-report.js';
import type { Settings } from '../../core/settings.js';
import { useConnectionTest } from './connection-test.js';

export interface SettingsViewProps {
  /** The saved settings the fields start from (read once, when the view opens). */
  initial: Settings;
  /** Saves the draft; resolves to whether it was saved. */
  onSave(draft: Settings): Promise<boolean>;
  /** Checks the draft against the proxy without saving it: which part is wrong, or what is left today. */
  onTest(draft: Settings): Promise<ConnectionReport>;
  onBack(): void;
}

export function SettingsView({ initial, onSave, onTest, onBack }: SettingsViewProps) {
  const proxyUrl = useSignal(initial.proxyUrl);
  const token = useSignal(initial.token);
  const saving = useSignal(false);
  const saved = useSignal(false);
  const connection = useConnectionTest({ draft: () => ({ proxyUrl: proxyUrl.value, token: token.value }), onTest });
  const save = (): void => {
    if (saving.value) return;
    saving.value = true;
    saved.value = false;
    void onSave({ proxyUrl: proxyUrl.value, token: token.value })
      .then((ok) => (saved.value = ok))
      .finally(() => (saving.value = false));
  };
  const saveOnEnter = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    save();
  };
  return (
    <section class="stack" aria-label="Settings">
      <div class="field">
        <label for="proxy-url">Proxy URL</label>
        <input
          id="proxy-url"
          type="url"
          spellcheck={false}
          value={proxyUrl.value}
          onInput={(event) => {
            proxyUrl.value = event.currentTarget.value;
            saved.value = false;
          }}
          onKeyDown={saveOnEnter}
        />
        <span class="hint">
          The team's Banana Studio proxy, e.g. {BUILD_TARGET.proxyUrl}. This build may reach{' '}
          {reachableOrigins(BUILD_TARGET)}.
        </span>
      </div>
      <div class="field">
        <label for="token">Team token</label>
        <input
          id="token"
          type="password"
          autocomplete="off"
          value={token.value}
          onInput={(event) => {
            token.value = event.currentTarget.value;
            saved.value = false;
          }}
          onKeyDown={saveOnEnter}
        />
        <span class="hint">From your admin. Kept on this computer only, in Figma's plugin storage.</span>
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled={saving.value} onClick={save}>
          Save
        </button>
        {connection.button}
        <button type="button" onClick={() => onBack()}>
          Back
        </button>
        {saved.value && (
          <span class="hint" role="status">
            Saved.
          </span>
        )}
      </div>
      {connection.report}
    </section>
  );
}
