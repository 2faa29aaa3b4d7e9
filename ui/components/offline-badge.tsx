/**
 * A badge in the header while the proxy answers from the offline Gemini double (`/health` says `"mode":
 * "offline"`), so nobody takes its pictures for Gemini's (docs/gemini-double.md).
 */
export const OFFLINE_BADGE_TOOLTIP =
  'Images are drawn locally by the offline double, not by Gemini: this proxy has no Gemini credentials. ' +
  'Ask your admin to set GEMINI_API_KEY (or Vertex AI) on the proxy for real images.';

export interface OfflineBadgeProps {
  /** The proxy answers from the offline double. */
  offline: boolean;
}

export function OfflineBadge({ offline }: OfflineBadgeProps) {
  if (!offline) return null;
  return (
    <span class="badge offline" role="status" title={OFFLINE_BADGE_TOOLTIP} aria-description={OFFLINE_BADGE_TOOLTIP}>
      Offline double
    </span>
  );
}
