/**
 * Slows token guessing: failed token checks are counted per client address and over the whole instance in fixed
 * one-minute windows. Past `perClient` failures a client is refused for the rest of its window; past `global`
 * failures every client is, except addresses that presented a valid token in the last hour (so a spray from many
 * addresses cannot lock the team out). A refused client is refused before its token is looked at, valid or not,
 * so the answer never says whether a token exists. Team tokens are 192 random bits, far beyond guessing; this
 * guards the weaker static tokens (`BANANA_DEV_TOKEN`), the admin token, and the database from a flood of lookups.
 *
 * In memory, per instance: with N instances behind a balancer an address gets N × `perClient` tries a minute.
 */
export interface AuthThrottleOptions {
  /** Failed token checks one address may make per minute. */
  perClient: number;
  /** Failed token checks per minute over all addresses, on this instance. */
  global: number;
  /** Addresses remembered at most (failures and known-good each); the oldest are forgotten first. */
  maxClients?: number;
}

export interface AuthThrottle {
  /** Milliseconds until `client` may present a token again, or 0 when it may now. */
  waitMs(client: string, now: number): number;
  /** A token that matched nobody. */
  failed(client: string, now: number): void;
  /** A valid token: the address is known-good for an hour. */
  succeeded(client: string, now: number): void;
}

const WINDOW_MS = 60_000;
const KNOWN_GOOD_MS = 3_600_000;

interface Window {
  start: number;
  failures: number;
}

export function createAuthThrottle(options: AuthThrottleOptions): AuthThrottle {
  const maxClients = options.maxClients ?? 10_000;
  const clients = new Map<string, Window>();
  const knownGood = new Map<string, number>();
  const global: Window = { start: 0, failures: 0 };

  const current = (window: Window, now: number): Window => {
    if (now - window.start >= WINDOW_MS || now < window.start) {
      window.start = now;
      window.failures = 0;
    }
    return window;
  };
  const bound = <V>(map: Map<string, V>): void => {
    // Maps iterate in insertion order: drop the oldest until there is room.
    for (const key of map.keys()) {
      if (map.size <= maxClients) break;
      map.delete(key);
    }
  };

  return {
    waitMs(client, now) {
      const own = clients.get(client);
      if (own && current(own, now).failures >= options.perClient) return own.start + WINDOW_MS - now;
      const good = knownGood.get(client);
      const trusted = good !== undefined && now - good < KNOWN_GOOD_MS;
      if (!trusted && current(global, now).failures >= options.global) return global.start + WINDOW_MS - now;
      return 0;
    },
    failed(client, now) {
      current(global, now).failures++;
      const own = clients.get(client) ?? { start: now, failures: 0 };
      current(own, now).failures++;
      clients.delete(client);
      clients.set(client, own);
      bound(clients);
    },
    succeeded(client, now) {
      knownGood.delete(client);
      knownGood.set(client, now);
      bound(knownGood);
    },
  };
}
