import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAsync, findForbidden, inlineHtml, scanForSecretsAsync, type BuildOutput } from '../../scripts/build.js';

let dir: string;
let out: BuildOutput;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'banana-build-'));
  out = await buildAsync({ outDir: dir });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildAsync', () => {
  it('writes a small sandbox bundle with no Node or DOM globals', async () => {
    const code = await readFile(out.codePath, 'utf8');
    expect(out.codeBytes).toBe(Buffer.byteLength(code));
    // The sandbox parses this on every launch: the brand reading and the image tools took it past 80 kB.
    expect(out.codeBytes).toBeLessThan(96 * 1024);
    expect(code).not.toMatch(/\b(window|document|require|process)\b/);
    expect(code).toContain('Banana Studio');
  });

  it('writes one self-contained ui.html with the script and styles inline', async () => {
    const html = await readFile(out.uiPath, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<div id="root"></div>');
    expect(html).toMatch(/<style>[^<]*--figma-color-bg/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    // Exactly one script element: nothing inside it closes it early.
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });
});

describe('findForbidden', () => {
  const cases: [string, string | undefined, string[]][] = [
    ['var a = 1;', undefined, []],
    ['if (process.env.X) {}', undefined, ['reads process.env']],
    ['const fs = require("fs");', undefined, ['requires the Node built-in require("fs")']],
    ["require('node:child_process')", undefined, ["requires the Node built-in require('node:child_process')"]],
    ['require("fs/promises")', undefined, ['requires the Node built-in require("fs/promises")']],
    ['require("preact")', undefined, []],
    ['const key = "AIzaSyTESTKEY123";', 'AIzaSyTESTKEY123', ['contains the value of GEMINI_API_KEY']],
    ['const key = "other";', 'AIzaSyTESTKEY123', []],
    ['anything', '', []],
  ];
  it.each(cases)('%j', (text, key, problems) => {
    expect(findForbidden(text, key)).toEqual(problems);
  });
});

describe('scanForSecretsAsync', () => {
  it('fails on a planted key and passes without it', async () => {
    const scanDir = await mkdtemp(join(tmpdir(), 'banana-scan-'));
    try {
      await writeFile(join(scanDir, 'code.js'), 'const k = "sekrit-key-value";');
      await expect(scanForSecretsAsync(scanDir, 'sekrit-key-value')).rejects.toThrow(/code.js contains the value/);
      await expect(scanForSecretsAsync(scanDir, 'another-key')).resolves.toBeUndefined();
    } finally {
      await rm(scanDir, { recursive: true, force: true });
    }
  });

  it('the real bundles do not contain the key in this environment', async () => {
    const key = 'AIzaTEST-not-a-real-key-0123456789';
    await expect(scanForSecretsAsync(dir, key)).resolves.toBeUndefined();
  });
});

describe('inlineHtml', () => {
  it('escapes closing tags inside the script and styles', () => {
    const html = inlineHtml('var s = "</script><b>";', 'a::after{content:"</style>"}');
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html.match(/<\/style/gi)).toHaveLength(1);
    expect(html).toContain('<\\/script><b>');
  });
});
