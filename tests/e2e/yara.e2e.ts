/**
 * YARA in the built extension: the analysis worker (offscreen document, MV3 CSP without
 * 'unsafe-eval') loads libyara-wasm as patched by build/yara-csp.ts and runs the shipped rules
 * and the team's rules sent with the request settings; the evidence matches the Node host's.
 */
import { test, expect, type BrowserContext } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, EXTENSION_DIR, analyseInExtensionHost } from './browser';
import { ROOT } from './server';
import { analyze } from '../../lib/engine/analyze';
import { nodeHost } from '../../lib/engine/host-node';
import type { Report } from '../../lib/engine/types';
import type { AnalysisSettings } from '../../lib/messaging';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

const TEAM_RULES = `rule sushi_prompt : prompt
{
  meta:
    description = "The prompt mentions sushi: a fake sushi-box claim pattern the fraud team saw."
    points = "ai"
  strings:
    $sushi = "sushi" nocase
  condition:
    $sushi
}
`;
const BROKEN_RULES = 'rule broken\n{\n  condition:\n    nope\n}\n';

let context: BrowserContext;

test.beforeAll(async () => {
  ({ context } = await launchWithExtension());
});

test.afterAll(async () => {
  await context?.close();
});

function settingsWith(teamRules: string): AnalysisSettings {
  return {
    verdict: DEFAULT_SETTINGS.verdict,
    policy: DEFAULT_SETTINGS.policy,
    knownBad: [],
    teamRules,
    retentionDays: DEFAULT_SETTINGS.retentionDays,
    modelEnabled: false,
  };
}

async function analyseInExtension(bytes: Uint8Array, settings: AnalysisSettings): Promise<Report> {
  return (await analyseInExtensionHost(context, bytes, { settings })).report;
}

const rulesOf = (r: Report) =>
  r.evidence
    .filter((e) => e.family === 'rules')
    .map((e) => ({ id: e.id, points: e.points, weight: e.weight, title: e.title, detail: e.detail, data: e.data }))
    .sort((a, b) => a.id.localeCompare(b.id));

test('the built worker chunk never builds functions from strings', () => {
  const assets = join(EXTENSION_DIR, 'assets');
  const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(chunks.some((f) => f.startsWith('libyara-wasm'))).toBe(true);
  for (const chunk of chunks) {
    expect(readFileSync(join(assets, chunk), 'utf8'), chunk).not.toMatch(/\bnew Function\b/);
  }
});

test('a team rule matches in the extension worker with the same evidence as in Node', async () => {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'samples/ai-invokeai-banana-sushi.png')));
  const settings = settingsWith(TEAM_RULES);
  const inBrowser = await analyseInExtension(bytes, settings);
  const inNode = await analyze(bytes, {}, nodeHost, { teamRules: TEAM_RULES, remember: false });

  const team = inBrowser.evidence.find((e) => e.id === 'rules.yara.team.sushi-prompt');
  expect(team, inBrowser.evidence.map((e) => e.id).join(', ')).toBeDefined();
  expect(team!.detail).toBe('The prompt mentions sushi: a fake sushi-box claim pattern the fraud team saw.');
  expect(team!.data).toMatchObject({ rule: 'sushi_prompt', tags: 'prompt' });
  expect(inBrowser.evidence.map((e) => e.id)).toContain('rules.yara.invokeai-metadata');
  expect(inBrowser.evidence.filter((e) => e.id === 'engine.error')).toEqual([]);
  expect(rulesOf(inBrowser)).toEqual(rulesOf(inNode));
});

test('shipped rules and a broken team rule give the same items in the extension and in Node', async () => {
  const files = ['tests/fixtures/images/comfyui-prompt-workflow.png', 'tests/fixtures/c2pa/msv_DALL-E_cloud_surfing_puppy.webp', 'samples/camera-canon-powershot-g2.jpg'];
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
    const inBrowser = await analyseInExtension(bytes, settingsWith(BROKEN_RULES));
    const inNode = await analyze(bytes, {}, nodeHost, { teamRules: BROKEN_RULES, remember: false });
    const error = inBrowser.evidence.find((e) => e.id === 'rules.yara.team-compile-error');
    expect(error?.data, file).toEqual({ errors: 'line 4: undefined identifier "nope"' });
    expect(rulesOf(inBrowser), file).toEqual(rulesOf(inNode));
    expect(inBrowser.evidence.filter((e) => e.id === 'engine.error'), file).toEqual([]);
  }
});
