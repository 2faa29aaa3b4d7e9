/**
 * Which configured models this proxy's key can reach, checked at start-up and then hourly (Google retires model
 * ids, and limits some to keys that used them before: config/models.md). A model the key cannot reach leaves
 * `GET /v1/models`, and a request naming it gets `model_unavailable` with its replacement. When the check itself
 * fails, every configured model stays offered (an outage of the list call must not take the proxy down) and the
 * admin page says so.
 */
import { fallbackModel, type ModelInfo, type ModelRegistry } from '../core/models.js';
import type { Clock } from './clock.js';
import type { GeminiPort } from './gemini-port.js';
import { ProxyError } from './proxy-error.js';

/** How often the check runs after start-up. */
export const MODEL_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Longest one check may take: a list call that hangs must not hold up start-up. */
export const MODEL_CHECK_TIMEOUT_MS = 15_000;

/** One configured model as the admin page lists it. */
export interface ModelCheckRow {
  id: string;
  label: string;
  status: ModelInfo['status'];
  /** Offered to designers now. */
  available: boolean;
  /** Why not, when not. */
  reason: string | null;
}

/** The last check, for `GET /admin/api/models`. */
export interface ModelCheckReport {
  /** When the last check ended (ms), or null before the first. */
  checkedAt: number | null;
  /** Why the last check failed; every configured model is then still offered. */
  error: string | null;
  models: ModelCheckRow[];
}

/** Timers, injectable so tests run the hourly check on their own clock. */
export interface CheckTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const systemTimers: CheckTimers = {
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

export interface ModelAvailability {
  /** Configured ids the key cannot reach, with why (empty before the first check and after a failed one). */
  unreachable(): ReadonlyMap<string, string>;
  /** Runs one check now; never throws (a failure is kept for the report). */
  check(): Promise<void>;
  report(): ModelCheckReport;
  /** Checks now, then every `intervalMs`. */
  start(): Promise<void>;
  stop(): void;
}

export interface AvailabilityOptions {
  gemini: Pick<GeminiPort, 'checkModels'>;
  registry: ModelRegistry;
  clock: Clock;
  intervalMs?: number;
  timeoutMs?: number;
  timers?: CheckTimers;
  /** Told when a check fails, e.g. a log line. */
  onError?: (message: string) => void;
}

export function createModelAvailability(options: AvailabilityOptions): ModelAvailability {
  const { gemini, registry, clock } = options;
  const timers = options.timers ?? systemTimers;
  // The segmentation model too: a key that cannot reach it makes the panel cut out with two renders instead.
  const ids = [...registry.models.map((m) => m.id), ...(registry.segmentation ? [registry.segmentation.id] : [])];
  let unreachable = new Map<string, string>();
  let checkedAt: number | null = null;
  let lastError: string | null = null;
  let timer: unknown = null;
  let running: Promise<void> | null = null;

  const runCheck = async (): Promise<void> => {
    const signal = AbortSignal.timeout(options.timeoutMs ?? MODEL_CHECK_TIMEOUT_MS);
    try {
      const result = await gemini.checkModels(ids, signal);
      unreachable = new Map([...result].flatMap(([id, why]) => (why === null ? [] : [[id, why] as const])));
      lastError = null;
    } catch (error) {
      // Keep serving what is configured: a failed list call says nothing about the models.
      unreachable = new Map();
      const why = signal.aborted
        ? `no answer within ${Math.round((options.timeoutMs ?? MODEL_CHECK_TIMEOUT_MS) / 1000)} s`
        : error instanceof Error
          ? error.message
          : String(error);
      lastError = `list failed: ${why}`;
      options.onError?.(lastError);
    }
    checkedAt = clock.now();
  };

  const check = (): Promise<void> => {
    running ??= runCheck().finally(() => (running = null));
    return running;
  };

  return {
    unreachable: () => unreachable,
    check,
    report: () => ({
      checkedAt,
      error: lastError,
      models: registry.models.map((m) => ({
        id: m.id,
        label: m.label,
        status: m.status,
        available: !unreachable.has(m.id),
        reason: unreachable.get(m.id) ?? null,
      })),
    }),
    async start() {
      await check();
      timer ??= timers.setInterval(() => void check(), options.intervalMs ?? MODEL_CHECK_INTERVAL_MS);
    },
    stop() {
      if (timer !== null) timers.clearInterval(timer);
      timer = null;
    },
  };
}

/** A check that never ran: every configured model is offered (tests and tools that do not start one). */
export function everyModelAvailable(registry: ModelRegistry): ModelAvailability {
  return createModelAvailability({
    gemini: { checkModels: async (ids) => new Map(ids.map((id) => [id, null])) },
    registry,
    clock: { now: () => 0 },
  });
}

/**
 * The error for a request naming a configured model the key cannot reach: what happened, and the model to use
 * instead (its replacement, followed past any that are unreachable too).
 */
export function modelUnavailableError(
  registry: ModelRegistry,
  model: ModelInfo,
  unreachable: ReadonlyMap<string, string>,
): ProxyError {
  const fallback = fallbackModel(registry, model.id, new Set(unreachable.keys()));
  const instead = fallback ? `use ${fallback.label}` : "ask your admin to check the proxy's Gemini key";
  return new ProxyError('model_unavailable', `${model.label} is no longer available to this team; ${instead}.`);
}
