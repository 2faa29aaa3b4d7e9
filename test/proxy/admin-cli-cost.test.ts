/**
 * `npm run admin -- usage` as a team lead reads it: the batch share and what the cache saved per person and per model,
 * and the month's projection, from the same seeded usage as the admin page's cost view (test/proxy/admin-cost.test.ts).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../proxy/cli/admin.js';
import { seedCostSampleAsync } from '../support/cost-seed.js';
import { startHarness, TEST_NOW, tempDataDir, testClock, type Harness } from '../support/proxy-harness.js';

let dataDir: string;
let h: Harness;

beforeAll(async () => {
  dataDir = tempDataDir('banana-cli-cost');
  h = await startHarness({ dataDir });
  await seedCostSampleAsync(h.store);
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function usageAsync(...argv: string[]): Promise<string> {
  const out: string[] = [];
  const code = await runAdmin(['usage', ...argv], {
    out: (line) => out.push(line),
    err: (line) => out.push(`ERR ${line}`),
    env: { BANANA_DATA_DIR: dataDir },
    clock: testClock(TEST_NOW),
  });
  expect(code).toBe(0);
  return out.join('\n');
}

describe('the usage report in the terminal', () => {
  it('shows the batch share and the savings per person and per model, and the projection', async () => {
    const text = await usageAsync();
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
    // Jon's 3 requests went in a Batch API job: all of his cost is batch.
    expect(line('Jon')).toMatch(/^Jon\s+3\s+2\s+0\s+1\s+\$0\.04\s+\$0\.04 \(3\)\s+\$0\.00$/);
    expect(line('TOTAL')).toMatch(/^TOTAL\s+8\s+.*\$1\.74\s+\$0\.04 \(3\)\s+\$0\.13$/);
    expect(text).toMatch(/^MODEL\s+REQUESTS\s+IMAGES\s+CACHED\s+FAILED\s+COST\s+BATCH\s+SAVED$/m);
    expect(line('gemini-3.1-flash-image')).toMatch(/\$0\.04\s+\$0\.04 \(3\)/);
    expect(line('gemini-3-pro-image')).toMatch(/\$1\.70\s+-\s+\$0\.13$/);
    expect(text).toContain(
      'Projected for 2026-11: $0.93 = $0.74 so far (of it $0.04 at the batch rate; the cache saved $0.13) ' +
        '+ $0.02/day (last 7 full days) × 12 days left',
    );
  });

  it('gives the projection in --json as the admin page does', async () => {
    const report = JSON.parse(await usageAsync('--json'));
    expect(report.projection).toMatchObject({ month: '2026-11', daysLeft: 12, projectedUsd: 0.932571 });
    expect(report.totals).toMatchObject({ batchRequests: 3, batchCostUsd: 0.04 });
  });
});
