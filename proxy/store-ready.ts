/**
 * `/health/ready`'s check of the store. Liveness (`/health`) never touches the store, so an instance whose
 * database is away, read-only, full or damaged leaves the balancer's rotation without being restarted; readiness
 * answers 503 with the reason in plain words (no path, no password), and 200 with the faults counted since start
 * (cache and usage writes that failed without failing their request, `fault-counts.ts`).
 */
import { ProxyError } from './proxy-error.js';
import { StoreNotReadyError, type ProxyStore } from './store/store.js';

export async function storeReady(store: ProxyStore): Promise<void> {
  try {
    await store.ping();
  } catch (error) {
    if (!(error instanceof StoreNotReadyError)) throw error;
    throw new ProxyError('proxy_busy', `This proxy instance cannot use its store: ${error.message}. Tell your admin.`, {
      headers: { 'Retry-After': '30' },
    });
  }
}
