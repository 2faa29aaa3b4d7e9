/**
 * Figma's lint rules (@figma/eslint-plugin-figma-plugins, on in eslint.config.js) must see every Figma call, also
 * those made through the `SandboxFigma` port (plugin/sandbox-figma.ts) rather than the global `figma`. This runs
 * the repo's own ESLint config on two fixtures: sync calls through the port fail, their async forms pass.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = 'test/lint/fixtures';
// The fixture folder is in the config's ignores (so `npm run lint` passes); `ignore: false` lints it anyway.
const eslint = new ESLint({ cwd: ROOT, ignore: false });

async function figmaProblemsAsync(path: string): Promise<{ rule: string; line: number; message: string }[]> {
  const [result] = await eslint.lintFiles([path]);
  return result!.messages
    .filter((m) => m.ruleId?.startsWith('@figma/figma-plugins/'))
    .map((m) => ({ rule: m.ruleId!, line: m.line, message: m.message }));
}

describe("Figma's lint rules on calls through SandboxFigma", () => {
  it('apply to the sandbox code', async () => {
    const config = (await eslint.calculateConfigForFile('plugin/create-plugin.ts')) as {
      rules: Record<string, unknown>;
    };
    for (const rule of ['ban-deprecated-sync-methods', 'ban-deprecated-sync-prop-setters']) {
      expect(config.rules[`@figma/figma-plugins/${rule}`]).toEqual([2]);
    }
  });

  it('refuse the sync setter and the sync getNodeById through the port', async () => {
    const problems = await figmaProblemsAsync(`${FIXTURES}/port-sync-calls.fixture.ts`);
    expect(problems).toEqual([
      {
        rule: '@figma/figma-plugins/ban-deprecated-sync-prop-setters',
        line: 6,
        message: 'Assigning to PluginAPI.currentPage is deprecated. Please use setCurrentPageAsync instead.',
      },
      {
        rule: '@figma/figma-plugins/ban-deprecated-sync-methods',
        line: 11,
        message: 'PluginAPI.getNodeById is deprecated. Please use getNodeByIdAsync instead.',
      },
    ]);
  }, 60_000);

  it('pass the async forms through the port', async () => {
    const [result] = await eslint.lintFiles([`${FIXTURES}/port-async-calls.fixture.ts`]);
    expect(result!.messages).toEqual([]);
  }, 60_000);
});
