/**
 * rules.yara and the YARA wrapper in Node: the shipped rules on generator, C2PA and camera
 * fixtures, team rules (matches, tags, descriptions, compile errors with line numbers), the
 * options page's check, and the build-time CSP patch of libyara-wasm, run in a V8 context
 * where building functions from strings is disallowed, as under the extension's CSP.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { yaraRules, COMPILE_ERROR_ID } from '../../../lib/detectors/rules/yara';
import { SHIPPED_RULES } from '../../../lib/detectors/rules/shipped';
import { checkRules, compile, declaredRules, previewBytes, scan } from '../../../lib/engine/yara';
import { createInput } from '../../../lib/engine/inputs';
import { sniffFormat } from '../../../lib/engine/format';
import { nodeHost } from '../../../lib/engine/host-node';
import { analyze } from '../../../lib/engine/analyze';
import { DEFAULT_CLAIM_POLICY } from '../../../lib/settings/defaults';
import { patchYaraGlue } from '../../../build/yara-csp';
import { ROOT, fixture, ids } from '../helpers';

const file = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));

function run(bytes: Uint8Array, teamRules = '') {
  return yaraRules.run(createInput(bytes, {}, sniffFormat(bytes), nodeHost, DEFAULT_CLAIM_POLICY, [], teamRules));
}

const TEAM_RULES = `rule sushi_prompt : prompt food
{
  meta:
    description = "The prompt mentions sushi: our fraud team saw a wave of fake sushi-box claims."
    points = "ai"
    author = "fraud team"
  strings:
    $sushi = "sushi" nocase
  condition:
    $sushi
}
`;

describe('shipped rules', () => {
  it('compile cleanly, each with a description for agents and a known points value', async () => {
    const compiled = await compile(SHIPPED_RULES);
    expect(compiled.errors).toEqual([]);
    expect(compiled.warnings).toEqual([]);
    const names = [...compiled.rules.keys()];
    expect(names.length).toBeGreaterThanOrEqual(15);
    for (const block of SHIPPED_RULES.split(/\n(?=rule )/).filter((b) => b.startsWith('rule '))) {
      expect(block, block.slice(0, 40)).toMatch(/\n {4}description = "[^"]{60,}"\n/);
      expect(block, block.slice(0, 40)).toMatch(/\n {4}points = "(ai|edited|neutral)"\n/);
    }
  });

  it.each([
    ['tests/fixtures/images/a1111-parameters.png', 'rules.yara.a1111-parameters', 'ai'],
    ['tests/fixtures/images/a1111-usercomment-unicode.jpg', 'rules.yara.a1111-parameters', 'ai'],
    ['tests/fixtures/images/forge-parameters.png', 'rules.yara.a1111-parameters', 'ai'],
    ['tests/fixtures/images/comfyui-prompt-workflow.png', 'rules.yara.comfyui-workflow', 'ai'],
    ['tests/fixtures/images/comfyui-workflow-only.png', 'rules.yara.comfyui-workflow', 'ai'],
    ['samples/ai-comfyui-hypernetwork.png', 'rules.yara.comfyui-workflow', 'ai'],
    ['tests/fixtures/images/invokeai-metadata.png', 'rules.yara.invokeai-metadata', 'ai'],
    ['tests/fixtures/images/invokeai-dream.png', 'rules.yara.invokeai-metadata', 'ai'],
    ['tests/fixtures/images/novelai.png', 'rules.yara.novelai-marker', 'ai'],
    ['tests/fixtures/images/fooocus.png', 'rules.yara.fooocus-marker', 'ai'],
    ['tests/fixtures/images/iptc-trained-algorithmic.jpg', 'rules.yara.iptc-trained-algorithmic-media', 'ai'],
    ['tests/fixtures/c2pa/msv_DALL-E_cloud_surfing_puppy.webp', 'rules.yara.dalle-marker', 'ai'],
    ['tests/fixtures/c2pa/msv_bing_creator_cloud_surfing_puppy.jpg', 'rules.yara.microsoft-image-creator', 'ai'],
    ['tests/fixtures/c2pa/firefly-edit-manifest-moved.png', 'rules.yara.adobe-firefly-marker', 'ai'],
    ['tests/fixtures/jpeg/google-ai-edit.jpg', 'rules.yara.google-ai-edited', 'ai'],
    ['tests/fixtures/jpeg/samsung-generative-edit.jpg', 'rules.yara.samsung-generative-edit', 'ai'],
    ['tests/fixtures/c2pa/truepic-camera-manifest-moved.jpg', 'rules.yara.c2pa-manifest-store', 'neutral'],
  ])('fire on %s (%s)', async (path, id, points) => {
    const findings = await run(file(path));
    const item = findings.find((f) => f.id === id);
    expect(item, ids(findings).join(', ')).toBeDefined();
    expect(item!.points).toBe(points);
    expect(item!.decisive).toBeUndefined();
    expect(item!.title).toMatch(/^Rule [a-z0-9_]+ matched$/);
    expect(item!.detail.length).toBeGreaterThan(60);
    expect(item!.data?.rules).toBe('ClaimLens rules');
    expect(String(item!.data?.strings)).toMatch(/^\$\w+ ×\d+ at 0x[0-9A-F]+/);
  });

  it('stay silent on camera photos and plain files', async () => {
    for (const path of [
      'tests/fixtures/images/camera-exif.jpg',
      'tests/fixtures/images/plain.jpg',
      'tests/fixtures/images/png-plain.png',
      'tests/fixtures/jpeg/camera-original.jpg',
      'samples/camera-canon-powershot-g2.jpg',
      'samples/camera-iphone4-receipt.jpg',
      'samples/screenshot-chat-1170x2532.png',
    ]) {
      expect(ids(await run(file(path))), path).toEqual([]);
    }
  });

  it('show what matched as text, never more than 80 bytes of the file', async () => {
    const [item] = (await run(fixture('a1111-parameters.png'))).filter((f) => f.id === 'rules.yara.a1111-parameters');
    expect(item.data?.rule).toBe('a1111_parameters');
    const strings = String(item.data?.strings);
    expect(strings).toContain('$steps ×1 at 0x');
    expect(strings).toContain(': "Steps: "');
    expect(strings).toMatch(/\$png_keyword ×1 at 0x[0-9A-F]+: 74 45 58 74 70 61 72 61 6D 65 74 65 72 73 00/);
  });

  it('find the UTF-16 settings record of an EXIF UserComment', async () => {
    const [item] = (await run(fixture('a1111-usercomment-unicode.jpg'))).filter((f) => f.id === 'rules.yara.a1111-parameters');
    expect(String(item.data?.strings)).toContain('"Steps: " (UTF-16)');
  });
});

describe('team rules', () => {
  it('a matching team rule gives rules.yara.team.<name> with its description, tags and meta', async () => {
    const findings = await run(file('samples/ai-invokeai-banana-sushi.png'), TEAM_RULES);
    const item = findings.find((f) => f.id === 'rules.yara.team.sushi-prompt');
    expect(item, ids(findings).join(', ')).toBeDefined();
    expect(item!.title).toBe('Rule sushi_prompt matched');
    expect(item!.detail).toBe('The prompt mentions sushi: our fraud team saw a wave of fake sushi-box claims.');
    expect(item!.points).toBe('ai');
    expect(item!.decisive).toBeUndefined();
    expect(item!.data).toMatchObject({ rule: 'sushi_prompt', rules: 'your team’s rules', tags: 'prompt, food', meta: 'author: fraud team' });
    expect(String(item!.data?.strings)).toMatch(/^\$sushi ×\d+ at 0x[0-9A-F]+.*: "sushi"/i);
    // The shipped rules ran as well.
    expect(ids(findings)).toContain('rules.yara.invokeai-metadata');
  });

  it('a team rule named like a shipped rule stays a team item', async () => {
    const findings = await run(fixture('a1111-parameters.png'), 'rule a1111_parameters { strings: $a = "Steps:" condition: $a }');
    expect(ids(findings)).toEqual(expect.arrayContaining(['rules.yara.a1111-parameters', 'rules.yara.team.a1111-parameters']));
    const team = findings.find((f) => f.id === 'rules.yara.team.a1111-parameters')!;
    expect(team.points).toBe('neutral');
    expect(team.detail).toContain('has no description');
  });

  it('unknown points values count as neutral, and untrusted descriptions are clipped', async () => {
    const long = 'x'.repeat(5000);
    const findings = await run(fixture('a1111-parameters.png'), `rule odd { meta: points = "guilty" description = "${long}" strings: $a = "Steps:" condition: $a }`);
    const item = findings.find((f) => f.id === 'rules.yara.team.odd')!;
    expect(item.points).toBe('neutral');
    expect(item.detail.length).toBeLessThan(4100);
    expect(item.detail).toContain('more characters');
  });

  it('rules that do not compile give one neutral item with line numbers; the shipped rules still run', async () => {
    const broken = `${TEAM_RULES}\nrule unfinished\n{\n  strings:\n    $a = "x"\n  condition:\n    $a and\n}\n`;
    const findings = await run(fixture('a1111-parameters.png'), broken);
    const errors = findings.filter((f) => f.id === COMPILE_ERROR_ID);
    expect(errors).toHaveLength(1);
    expect(errors[0].points).toBe('neutral');
    expect(errors[0].decisive).toBeUndefined();
    expect(errors[0].data?.errors).toBe('line 19: syntax error');
    expect(errors[0].detail).toContain('line 19: syntax error');
    expect(ids(findings)).toContain('rules.yara.a1111-parameters');
    expect(ids(findings).filter((id) => id.startsWith('rules.yara.team.'))).toEqual([]);
  });

  it('run through analyze(): not decisive, weight 0, compile errors never break the report', async () => {
    const bytes = fixture('a1111-parameters.png');
    const report = await analyze(bytes, {}, nodeHost, { teamRules: 'rule broken {\n condition: nope\n}' });
    const yara = report.evidence.filter((e) => e.family === 'rules');
    expect(yara.map((e) => e.id)).toEqual(expect.arrayContaining(['rules.yara.a1111-parameters', COMPILE_ERROR_ID]));
    for (const e of yara) {
      expect(e.decisive).toBeUndefined();
    }
    expect(yara.find((e) => e.id === COMPILE_ERROR_ID)!.weight).toBe(0);
    expect(report.evidence.filter((e) => e.id === 'engine.error')).toEqual([]);
    expect(report.timings['rules.yara']).toBeGreaterThan(0);
  });
});

describe('checkRules (options page)', () => {
  it('lists errors and warnings with line numbers and the declared rules with their tags', async () => {
    const check = await checkRules('rule first : tag_a tag_b {\n  strings:\n    $a = "a"\n    $b = "b"\n  condition:\n    $a\n}\n');
    expect(check.ok).toBe(false);
    expect(check.errors).toEqual([{ line: 7, message: 'unreferenced string "$b"' }]);
    expect(check.warnings).toEqual(expect.arrayContaining([{ line: 3, message: 'string "$a" may slow down scanning' }]));
    expect(check.rules).toEqual([{ name: 'first', line: 1, tags: ['tag_a', 'tag_b'] }]);
    expect(JSON.parse(JSON.stringify(check))).toEqual(check);
  });

  it('accepts an empty source and valid rules', async () => {
    expect(await checkRules('  \n')).toEqual({ ok: true, errors: [], warnings: [], rules: [] });
    const check = await checkRules(TEAM_RULES);
    expect(check).toMatchObject({ ok: true, errors: [], rules: [{ name: 'sushi_prompt', line: 1, tags: ['prompt', 'food'] }] });
  });

  it('caches compilation per source string', async () => {
    const source = `${TEAM_RULES}// cache probe ${Date.now()}\n`;
    const first = await compile(source);
    expect(await compile(source)).toBe(first);
  });
});

describe('rule headers and previews', () => {
  it('finds rule names and tags outside comments, strings and regular expressions', () => {
    const source = [
      '// rule commented { condition: true }',
      '/* rule block_comment : x { */',
      'private rule helper { condition: true }',
      'global rule everywhere : g1 { condition: true }',
      'rule main : t1 t2',
      '{',
      '  strings:',
      '    $text = "rule in_text : y {"',
      '    $re = /rule in_regex \\{/',
      '  condition: helper and any of them',
      '}',
    ].join('\n');
    expect(declaredRules(source)).toEqual([
      { name: 'helper', tags: [], line: 3 },
      { name: 'everywhere', tags: ['g1'], line: 4 },
      { name: 'main', tags: ['t1', 't2'], line: 5 },
    ]);
  });

  it('shows printable bytes as text, UTF-16 text as text, anything else as hex, bounded', () => {
    expect(previewBytes(new TextEncoder().encode('Steps: '))).toBe('"Steps: "');
    expect(previewBytes(new Uint8Array([0x53, 0, 0x74, 0]))).toBe('"St" (UTF-16)');
    expect(previewBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('89 50 4E 47');
    expect(previewBytes(new Uint8Array([0x3c, 0x62, 0x3e]), 200)).toBe('"<b>" … (200 bytes)');
  });

  it('reports at most 80 bytes of a long match', async () => {
    const bytes = new Uint8Array(300).fill(0x41);
    const [match] = await scan(bytes, await compile('rule long { strings: $a = /A{200,}/ condition: $a }'));
    expect(match.strings[0].length).toBeGreaterThanOrEqual(200);
    expect(match.strings[0].preview).toBe(`"${'A'.repeat(80)}" … (${match.strings[0].length} bytes)`);
  });
});

describe('CSP patch of libyara-wasm (build/yara-csp.ts)', () => {
  const glue = readFileSync(createRequire(import.meta.url).resolve('libyara-wasm'), 'utf8');
  type Factory = () => Promise<{
    run(b: Uint8Array, rules: string): {
      compileErrors: { size(): number; get(i: number): { lineNumber: number; message: string } };
      matchedRules: { size(): number; get(i: number): { ruleName: string; resolvedMatches: { size(): number; get(i: number): { location: number; stringIdentifier: string } } } };
    };
  }>;

  /** Loads the glue in a fresh V8 context that refuses `eval`/`new Function`, like MV3's CSP. */
  function loadWithoutCodeGeneration(code: string) {
    const context = vm.createContext({ console, atob, performance, module: { exports: {} } }, { codeGeneration: { strings: false, wasm: true } });
    vm.runInContext(`var exports = module.exports;\n${code}`, context);
    const factory = (context.module as { exports: Factory }).exports;
    const bytesOf = (text: string) => (vm.runInContext('Uint8Array', context) as typeof Uint8Array).from(Buffer.from(text, 'latin1'));
    return { factory, bytesOf };
  }

  it('removes every run-time code generation from the glue', () => {
    expect(glue).toContain('new Function');
    const patched = patchYaraGlue(glue);
    expect(patched).not.toMatch(/\bnew Function\b|=\s*Function\s*[;,)]|\beval\s*\(/);
  });

  it('the published glue fails where code generation is disallowed', async () => {
    const { factory } = loadWithoutCodeGeneration(glue);
    await expect(Promise.resolve().then(() => factory())).rejects.toThrow(/Code generation from strings disallowed/);
  });

  it('the patched glue compiles and runs rules there, with the same results as the published one in Node', async () => {
    const { factory, bytesOf } = loadWithoutCodeGeneration(patchYaraGlue(glue));
    const yara = await factory();
    const bytes = fixture('a1111-parameters.png');
    const result = yara.run(bytesOf(Buffer.from(bytes).toString('latin1')), SHIPPED_RULES);
    expect(result.compileErrors.size()).toBe(0);
    const matched = Array.from({ length: result.matchedRules.size() }, (_, i) => result.matchedRules.get(i));
    const inPatched = matched.map((r) => ({
      rule: r.ruleName,
      strings: Array.from({ length: r.resolvedMatches.size() }, (_, j) => r.resolvedMatches.get(j)).map((m) => `${m.stringIdentifier}@${m.location}`),
    }));
    const inNode = (await scan(bytes, await compile(SHIPPED_RULES))).map((m) => ({
      rule: m.rule,
      strings: m.strings.flatMap((s) => s.offsets.map((o) => `${s.identifier}@${o}`)),
    }));
    expect(inPatched).toEqual(inNode);
    expect(inPatched.map((m) => m.rule)).toContain('a1111_parameters');

    const broken = yara.run(bytesOf(''), 'rule x {\n condition:\n  nope\n}');
    expect(broken.compileErrors.size()).toBe(1);
    expect(broken.compileErrors.get(0).lineNumber).toBe(3);
  });

  it('fails loudly when the library no longer has the expected shape', () => {
    expect(() => patchYaraGlue('var Module = function () {};')).toThrow(/pattern not found/);
  });
});
