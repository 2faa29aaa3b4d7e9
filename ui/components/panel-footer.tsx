/** The panel's footer: what the designer has left today and this month (core/usage-left.ts), when the proxy says. */
import { usageLeftLine } from '../../core/usage-left.js';
import type { UsageMeResponse } from '../../core/proxy-schema.js';

export interface PanelFooterProps {
  /** The designer's own usage, or null before it is read (or when it cannot be). */
  usage: UsageMeResponse | null;
}

export function PanelFooter({ usage }: PanelFooterProps) {
  if (!usage) return null;
  return (
    <p class="usage-left" aria-label="What you have left">
      {usageLeftLine(usage)}
    </p>
  );
}
