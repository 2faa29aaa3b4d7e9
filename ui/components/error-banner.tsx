/**
 * What went wrong and what to do next, in the words of the error's message; and, for a call that reached Gemini,
 * what Google may bill for it anyway.
 */
import { formatUsd } from '../../core/cost-estimate.js';
import type { AppError } from '../../core/errors.js';

export interface ErrorBannerProps {
  error: AppError | null;
  onDismiss(): void;
}

export function ErrorBanner({ error, onDismiss }: ErrorBannerProps) {
  if (!error) return null;
  const tone = error.code === 'cancelled' ? 'info' : 'danger';
  return (
    <div class={`banner ${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-code={error.code}>
      <div>
        <p>{error.message}</p>
        {error.mayHaveBilledUsd ? (
          <p class="billed">Gemini may bill this call: ≈ {formatUsd(error.mayHaveBilledUsd)}</p>
        ) : null}
      </div>
      <button type="button" class="ghost" onClick={() => onDismiss()}>
        Dismiss
      </button>
    </div>
  );
}
