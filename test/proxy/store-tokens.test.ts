/**
 * The store's team tokens: only their hash stored, names unique among active tokens, limits, the static dev token and
 * the last use. Run against both stores (test/support/store-contract.ts): SQLite on real files, PostgreSQL in a
 * database of its own.
 */
import { describe, expect, it } from 'vitest';
import { RevokedTokenError } from '../../proxy/store/store.js';
import { TEST_NOW } from '../support/proxy-harness.js';
import { describeEachStore, newToken, NO_LIMITS, store } from '../support/store-contract.js';

describeEachStore(({ storedText }) => {
  describe('team tokens', () => {
    it('creates bnn_ tokens, stores only their hash, and verifies them', async () => {
      const { token, record } = await newToken('Ana', { dailyImages: 50 });
      expect(token).toMatch(/^bnn_[A-Za-z0-9_-]{32,}$/);
      expect(record).toMatchObject({ name: 'Ana', kind: 'team', limits: { dailyImages: 50 }, revokedAt: null });
      expect(await store.verifyToken(token, TEST_NOW)).toEqual({
        id: record.id,
        name: 'Ana',
        limits: { dailyImages: 50, monthlyUsd: null, rpm: null },
      });
      expect(await store.verifyToken(`${token}x`, TEST_NOW)).toBeNull();
      expect(await store.verifyToken('', TEST_NOW)).toBeNull();
      expect(await storedText()).not.toContain(token.slice(4));
    });

    it('makes every token different', async () => {
      const tokens = await Promise.all(['a', 'b', 'c', 'd'].map((n) => newToken(n)));
      expect(new Set(tokens.map((t) => t.token)).size).toBe(4);
      expect(new Set(tokens.map((t) => t.record.id)).size).toBe(4);
    });

    it('keeps names unique among active tokens, and frees a name on revoke', async () => {
      const first = await newToken('Ana');
      const again = await store.createToken({ name: ' Ana ', limits: NO_LIMITS, now: TEST_NOW });
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.error.message).toMatch(/already named "Ana"/);
      expect((await store.revokeToken('Ana', TEST_NOW + 5))?.revokedAt).toBe(TEST_NOW + 5);
      expect(await store.verifyToken(first.token, TEST_NOW)).toBeNull();
      const second = await newToken('Ana');
      expect(second.record.id).not.toBe(first.record.id);
      expect((await store.listTokens()).map((t) => t.id)).toEqual([second.record.id]);
      expect(await store.listTokens({ includeRevoked: true })).toHaveLength(2);
    });

    it.each(['', '   ', 'x'.repeat(65)])('refuses the name %j', async (name) => {
      expect((await store.createToken({ name, limits: NO_LIMITS, now: TEST_NOW })).ok).toBe(false);
    });

    it('finds by id or by name, and changes only the limits given', async () => {
      const { record } = await newToken('Ben', { dailyImages: 5, monthlyUsd: 10 });
      expect((await store.findToken(record.id))?.name).toBe('Ben');
      expect((await store.findToken('Ben'))?.id).toBe(record.id);
      expect(await store.findToken('nobody')).toBeNull();
      const changed = await store.setLimits(record.id, { monthlyUsd: null, rpm: 3 });
      expect(changed?.limits).toEqual({ dailyImages: 5, monthlyUsd: null, rpm: 3 });
      expect(await store.setLimits('nobody', { rpm: 1 })).toBeNull();
      expect(await store.revokeToken('nobody', TEST_NOW)).toBeNull();
    });

    it('keeps one static dev token whose value can change between runs, and never brings a revoked one back', async () => {
      await store.putStaticToken({ name: 'dev', token: 'dev-one', kind: 'dev', now: TEST_NOW });
      const first = await store.verifyToken('dev-one', TEST_NOW);
      expect(first).toMatchObject({ name: 'dev', limits: NO_LIMITS });
      await store.putStaticToken({ name: 'dev', token: 'dev-two', kind: 'dev', now: TEST_NOW });
      expect(await store.verifyToken('dev-one', TEST_NOW)).toBeNull();
      expect((await store.verifyToken('dev-two', TEST_NOW))?.id).toBe(first?.id);
      await store.putStaticToken({ name: 'dev', token: null, kind: 'dev', now: TEST_NOW });
      expect(await store.verifyToken('dev-two', TEST_NOW)).toBeNull();
      await expect(
        store.putStaticToken({ name: 'dev', token: 'dev-two', kind: 'dev', now: TEST_NOW }),
      ).rejects.toBeInstanceOf(RevokedTokenError);
      expect(await store.verifyToken('dev-two', TEST_NOW)).toBeNull();
      await store.putStaticToken({ name: 'dev', token: 'dev-three', kind: 'dev', now: TEST_NOW });
      expect((await store.verifyToken('dev-three', TEST_NOW))?.name).toBe('dev');
      expect((await store.listTokens()).map((t) => [t.name, t.kind])).toEqual([['dev', 'dev']]);
    });

    it('notes when a token was last used, at most once a minute', async () => {
      const { token, record } = await newToken('Cy');
      await store.verifyToken(token, TEST_NOW);
      await store.verifyToken(token, TEST_NOW + 30_000);
      expect((await store.findToken(record.id))?.lastUsedAt).toBe(TEST_NOW);
      await store.verifyToken(token, TEST_NOW + 61_000);
      expect((await store.findToken(record.id))?.lastUsedAt).toBe(TEST_NOW + 61_000);
    });
  });
});
