/** Settings' Test connection: checks the fields as typed and says what it found (core/connection-report.ts). */
import { useSignal } from '@preact/signals';
import type { ConnectionReport } from '../../core/connection-report.js';
import type { Settings } from '../../core/settings.js';

export interface ConnectionTestProps {
  /** The URL and token as typed now. */
  draft(): Settings;
  onTest(draft: Settings): Promise<ConnectionReport>;
}

/** The button; its report shows under the Settings' buttons (see {@link ConnectionReportLine}). */
export function useConnectionTest({ draft, onTest }: ConnectionTestProps) {
  const testing = useSignal(false);
  const report = useSignal<ConnectionReport | null>(null);
  const test = (): void => {
    if (testing.value) return;
    testing.value = true;
    report.value = null;
    void onTest(draft())
      .then((r) => (report.value = r))
      .finally(() => (testing.value = false));
  };
  const button = (
    <button type="button" disabled={testing.value} onClick={test}>
      {testing.value ? 'Testing…' : 'Test connection'}
    </button>
  );
  return { button, report: <ConnectionReportLine report={report.value} /> };
}

/** What the last Test connection found, or nothing before one. */
export function ConnectionReportLine({ report }: { report: ConnectionReport | null }) {
  if (!report) return null;
  return (
    <p
      class={`connection-report ${report.ok ? 'connected' : 'broken'}`}
      role="status"
      data-part={report.part ?? 'none'}
    >
      {report.message}
    </p>
  );
}
