/**
 * provenance.c2pa — Content Credentials (C2PA): the signed record of how a picture was made
 * that AI tools, editors and some cameras attach. Reads the manifest store through the host's
 * C2PA reader (only when a cheap byte scan finds C2PA data, so ordinary photos never load the
 * wasm) and interprets the host-independent summary: an AI statement is decisive; a camera
 * capture counts for authenticity; edits, a broken record and an unverifiable signer are
 * explained in plain words. Never fetches anything and never parses manifest bytes itself.
 */
import { defineDetector, type Finding } from '../../engine/detector';
import type { EvidencePoints } from '../../engine/types';
import { clip } from '../../engine/limits';
import { list, msg, renderValue, say, type MessageKey, type MessageParam, type TextKey } from '../../i18n/messages';
import {
  mayContainC2pa,
  mimeTypeOf,
  type C2paAction,
  type C2paManifest,
  type C2paStatus,
  type C2paSummary,
} from '../../engine/c2pa-summary';

interface Text {
  points: EvidencePoints;
  decisive?: boolean;
  /** Catalogue entry (lib/i18n/en.ts) holding its title and detail. */
  key: TextKey;
}

/**
 * Values the texts are filled with: file data (rendered as text only) or catalogue messages.
 * `edits` and `ingredientNote` only fill the edit texts; the others leave them out.
 */
interface Vars {
  generator: MessageParam;
  app: MessageParam;
  signer: MessageParam;
  maker: MessageParam;
  edits: MessageParam;
  reason: MessageParam;
  ingredientNote: MessageParam;
}

const NO_VARS: Vars = { generator: '', app: '', signer: '', maker: '', edits: '', reason: '', ingredientNote: '' };

/** The kinds of finding; their explanations for agents live in the catalogue under provenance.c2pa.<name>. */
export const TEXTS = {
  aiGenerated: { points: 'ai', decisive: true, key: 'provenance.c2pa.aiGenerated' },
  aiEdited: { points: 'ai', decisive: true, key: 'provenance.c2pa.aiEdited' },
  cameraCapture: { points: 'authentic', key: 'provenance.c2pa.cameraCapture' },
  cameraCaptureTrusted: { points: 'authentic', decisive: true, key: 'provenance.c2pa.cameraCaptureTrusted' },
  cameraUnverified: { points: 'authentic', key: 'provenance.c2pa.cameraUnverified' },
  edited: { points: 'edited', key: 'provenance.c2pa.edited' },
  composite: { points: 'edited', key: 'provenance.c2pa.composite' },
  present: { points: 'neutral', key: 'provenance.c2pa.present' },
  contentChanged: { points: 'edited', key: 'provenance.c2pa.contentChanged' },
  recordDamaged: { points: 'edited', key: 'provenance.c2pa.recordDamaged' },
  layoutMismatch: { points: 'neutral', key: 'provenance.c2pa.layoutMismatch' },
  unreadable: { points: 'neutral', key: 'provenance.c2pa.unreadable' },
  untrusted: { points: 'neutral', key: 'provenance.c2pa.untrusted' },
} satisfies Record<string, Text>;

/** C2PA actions with plain words for them in the catalogue (provenance.c2pa.action.<name>). */
const ACTION_WORDS = new Set([
  'created',
  'opened',
  'edited',
  'color_adjustments',
  'cropped',
  'resized',
  'orientation',
  'drawing',
  'filtered',
  'placed',
  'removed',
  'converted',
  'transcoded',
  'repackaged',
  'published',
  'watermarked',
  'redacted',
  'unknown',
]);

/** Plain words for a C2PA action an agent is likely to see; the action itself otherwise. */
function actionWords(action: string): MessageParam {
  const name = action.startsWith('c2pa.') ? action.slice(5) : '';
  return ACTION_WORDS.has(name) ? msg(`provenance.c2pa.action.${name}` as MessageKey) : action;
}

/** Actions that change what the picture shows (as opposed to saving, converting, publishing). */
const EDIT_ACTIONS = new Set([
  'c2pa.edited',
  'c2pa.color_adjustments',
  'c2pa.cropped',
  'c2pa.resized',
  'c2pa.orientation',
  'c2pa.drawing',
  'c2pa.filtered',
  'c2pa.placed',
  'c2pa.removed',
  'c2pa.unknown',
]);

const TRAINED = 'trainedAlgorithmicMedia';
const COMPOSITE_AI = 'compositeWithTrainedAlgorithmicMedia';
const CAPTURE_TERMS = new Set(['digitalCapture', 'computationalCapture']);

/** Words AI services put in an action's description when they declare no source type. */
const AI_TEXT = /\b(ai[\s-]generated|generated (by|with) ai|generative ai|generative fill)\b/i;

interface Tool {
  pattern: RegExp;
  name: string;
  vendor: string;
  ai: boolean;
}

/** Tools named in claim generators and software agents. `ai` tools only ever produce AI output. */
const TOOLS: Tool[] = [
  { pattern: /gpt-?4o|gpt-image/i, name: 'ChatGPT/GPT-4o', vendor: 'OpenAI', ai: true },
  { pattern: /chatgpt/i, name: 'ChatGPT', vendor: 'OpenAI', ai: true },
  { pattern: /dall[\s·.-]?e/i, name: 'DALL·E', vendor: 'OpenAI', ai: true },
  { pattern: /\bsora\b/i, name: 'Sora', vendor: 'OpenAI', ai: true },
  { pattern: /openai/i, name: 'OpenAI', vendor: 'OpenAI', ai: true },
  { pattern: /image creator from designer|bing image creator/i, name: 'Bing Image Creator (Microsoft Designer)', vendor: 'Microsoft', ai: true },
  { pattern: /microsoft designer/i, name: 'Microsoft Designer', vendor: 'Microsoft', ai: true },
  { pattern: /microsoft[\s_]responsible[\s_]ai/i, name: 'Microsoft', vendor: 'Microsoft', ai: true },
  { pattern: /firefly/i, name: 'Adobe Firefly', vendor: 'Adobe', ai: true },
  { pattern: /midjourney/i, name: 'Midjourney', vendor: 'Midjourney', ai: true },
  { pattern: /\bimagen\b|\bgemini\b|nano[\s-]?banana/i, name: 'Google Gemini/Imagen', vendor: 'Google', ai: true },
  { pattern: /\bmeta ai\b|imagine with meta/i, name: 'Meta AI', vendor: 'Meta', ai: true },
  { pattern: /stable[\s_-]?diffusion|stability[\s_]ai|dreamstudio/i, name: 'Stable Diffusion', vendor: 'Stability AI', ai: true },
  { pattern: /ideogram/i, name: 'Ideogram', vendor: 'Ideogram', ai: true },
  { pattern: /leonardo[\s.]?ai/i, name: 'Leonardo.Ai', vendor: 'Leonardo.Ai', ai: true },
  { pattern: /photoshop/i, name: 'Adobe Photoshop', vendor: 'Adobe', ai: false },
  { pattern: /lightroom/i, name: 'Adobe Lightroom', vendor: 'Adobe', ai: false },
];

/** Camera makers and capture services whose signature on a capture counts for authenticity. */
const CAMERA_MAKERS: { pattern: RegExp; name: string }[] = [
  { pattern: /leica/i, name: 'Leica' },
  { pattern: /\bsony\b/i, name: 'Sony' },
  { pattern: /nikon/i, name: 'Nikon' },
  { pattern: /\bcanon\b/i, name: 'Canon' },
  { pattern: /fujifilm/i, name: 'Fujifilm' },
  { pattern: /pixel camera|google pixel|\bpixel \d/i, name: 'Google Pixel' },
  { pattern: /samsung/i, name: 'Samsung' },
  { pattern: /truepic(?! lens cli)/i, name: 'Truepic' },
];

const toolOf = (text: string | undefined): Tool | undefined => (text ? TOOLS.find((t) => t.pattern.test(text)) : undefined);

/** Signing libraries that claim generators list after the product. */
const LIBRARY = /^(c2pa-rs|c2patool|adobe_c2pa|c2pa-[\w-]+|libc2pa[\w-]*)\/\S*$/i;

/** 'Adobe_Photoshop/25.1.0 adobe_c2pa/0.7.6 c2pa-rs/0.25.2' → 'Adobe Photoshop'. */
function productName(generator: string): string {
  const tokens = generator.split(/\s+/).filter((t) => t && !LIBRARY.test(t));
  return tokens.map((t) => t.replace(/\/.*$/, '').replace(/_/g, ' ')).join(' ').trim() || generator;
}

function generatorOf(m: C2paManifest): string | undefined {
  return m.generatorInfo[0] ?? (m.claimGenerator ? productName(m.claimGenerator) : undefined);
}

function friendly(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return toolOf(text)?.name ?? clip(text, 120);
}

/** The last path segment of a digitalSourceType URI (http or https IPTC form, or a bare term). */
export function sourceTerm(value: string | undefined): string | undefined {
  return value?.trim().match(/([A-Za-z]+)\s*$/)?.[1];
}

type Role = 'self' | 'component';

/** Which manifests describe this picture's own history (active + parentOf chain) and which a part of it. */
function rolesOf(summary: C2paSummary): Map<string, Role> {
  const byLabel = new Map(summary.manifests.map((m) => [m.label, m]));
  const roles = new Map<string, Role>();
  const visit = (label: string, role: Role): void => {
    const seen = roles.get(label);
    if (seen === 'self' || seen === role) return;
    roles.set(label, role);
    for (const ing of byLabel.get(label)?.ingredients ?? []) {
      if (ing.manifest) visit(ing.manifest, role === 'self' && ing.relationship === 'parentOf' ? 'self' : 'component');
    }
  };
  const active = summary.activeLabel ?? summary.manifests[0]?.label;
  if (active) visit(active, 'self');
  for (const m of summary.manifests) if (!roles.has(m.label)) roles.set(m.label, 'component');
  return roles;
}

interface AiHit {
  kind: 'generated' | 'edited';
  tool?: Tool;
  toolText?: string;
  how: string;
}

function aiHits(summary: C2paSummary, roles: Map<string, Role>): AiHit[] {
  const hits: AiHit[] = [];
  for (const m of summary.manifests) {
    const own = roles.get(m.label) === 'self';
    const manifestTool = toolOf(m.generatorInfo.join(' ')) ?? toolOf(m.claimGenerator);
    const fallback = manifestTool?.ai ? manifestTool : undefined;
    for (const a of m.actions) {
      const created = a.action === 'c2pa.created';
      const agentTool = toolOf(a.softwareAgent);
      const tool = agentTool ?? fallback;
      const toolText = a.softwareAgent ?? generatorOf(m);
      const term = sourceTerm(a.digitalSourceType);
      const paramTerm = sourceTerm(a.parameterSourceType);
      if (term === TRAINED) {
        hits.push({ kind: own && created ? 'generated' : 'edited', tool, toolText, how: `${a.action}: digitalSourceType ${a.digitalSourceType}` });
      } else if (term === COMPOSITE_AI) {
        hits.push({ kind: 'edited', tool, toolText, how: `${a.action}: digitalSourceType ${a.digitalSourceType}` });
      } else if (paramTerm === TRAINED || paramTerm === COMPOSITE_AI) {
        hits.push({ kind: 'edited', tool, toolText, how: `${a.action}: parameter digitalSourceType ${a.parameterSourceType}` });
      } else if (agentTool?.ai || (a.description && AI_TEXT.test(a.description))) {
        const said = agentTool?.ai ? `software agent "${a.softwareAgent}"` : `description "${a.description}"`;
        hits.push({ kind: own && created ? 'generated' : 'edited', tool, toolText, how: `${a.action}: ${said}` });
      }
    }
    for (const st of m.sourceTypes) {
      const term = sourceTerm(st.value);
      if (term !== TRAINED && term !== COMPOSITE_AI) continue;
      const ingredient = st.where.match(/^ingredients\[(\d+)\]/);
      const lineage = ingredient ? m.ingredients[Number(ingredient[1])]?.relationship === 'parentOf' : true;
      const kind = term === TRAINED && own && lineage ? 'generated' : 'edited';
      hits.push({ kind, tool: fallback, toolText: generatorOf(m), how: `${st.where}: ${st.value}` });
    }
    if (m.generativeAiAssertion) {
      hits.push({ kind: 'edited', tool: fallback ?? manifestTool, toolText: generatorOf(m), how: `com.adobe.generative-ai assertion: ${m.generativeAiAssertion}` });
    }
  }
  return hits;
}

/** Tool names of the hits, without a bare vendor name when one of its products is named. */
function generatorNames(hits: AiHit[]): string[] {
  const names = new Map<string, Tool | undefined>();
  for (const h of hits) {
    const name = h.tool?.name ?? friendly(h.toolText);
    if (name && !names.has(name)) names.set(name, h.tool);
  }
  const vendorsWithProducts = new Set([...names.values()].filter((t) => t && t.name !== t.vendor).map((t) => t!.vendor));
  return [...names.keys()].filter((n) => !vendorsWithProducts.has(n));
}

type Problem = 'contentChanged' | 'recordDamaged' | 'layoutMismatch' | 'credential';

function problemOf(s: C2paStatus): Problem {
  if (/^(signingCredential|timeStamp)\./.test(s.code)) return 'credential';
  if (/^assertion\.(dataHash|bmffHash|boxesHash|collectionHash)\.mismatch$/.test(s.code)) {
    return /exclusion does not match the manifest location/i.test(s.explanation ?? '') ? 'layoutMismatch' : 'contentChanged';
  }
  return 'recordDamaged';
}

const describeStatus = (s: C2paStatus): string => (s.explanation ? `${s.code} (${s.explanation})` : s.code);

/** The signer as the texts name it: issuer — common name, or "not named". */
function signerOf(m: C2paManifest | undefined): MessageParam {
  const s = m?.signer;
  const parts = s ? [s.issuer, s.commonName].filter((p, i, all): p is string => !!p && all.indexOf(p) === i) : [];
  return parts.length ? parts.join(' — ') : msg('provenance.c2pa.notNamed');
}

const signerText = (m: C2paManifest | undefined): string => renderValue(signerOf(m));

function makerOf(m: C2paManifest): string | undefined {
  const said = [m.signer?.issuer, m.signer?.commonName, m.claimGenerator, ...m.generatorInfo].filter(Boolean).join(' | ');
  return CAMERA_MAKERS.find((c) => c.pattern.test(said))?.name;
}

function actionText(a: C2paAction): string {
  const extra = [a.softwareAgent, sourceTerm(a.digitalSourceType ?? a.parameterSourceType)].filter(Boolean);
  return extra.length ? `${a.action} (${extra.join('; ')})` : a.action;
}

function certificateNote(credential: C2paStatus[]): MessageParam {
  const codes = credential.map((s) => s.code);
  if (codes.some((c) => /revoked/.test(c))) return msg('provenance.c2pa.certificate.revoked');
  if (codes.includes('signingCredential.expired')) return msg('provenance.c2pa.certificate.expired');
  if (codes.includes('signingCredential.invalid')) return msg('provenance.c2pa.certificate.invalid');
  return '';
}

/** Turns a C2PA summary into evidence. Pure: the same summary gives the same findings in every host. */
export function interpretC2pa(summary: C2paSummary): Finding[] {
  const findings: Finding[] = [];
  if (summary.readError) {
    findings.push({ id: 'provenance.c2pa.invalid', ...pick(TEXTS.unreadable), data: { problem: 'unreadable', readerError: summary.readError } });
    return findings;
  }
  if (summary.manifests.length === 0) return findings;

  const roles = rolesOf(summary);
  const own = summary.manifests.filter((m) => roles.get(m.label) === 'self');
  const active = own[0] ?? summary.manifests[0];
  const ownActions = own.flatMap((m) => m.actions);
  const problems = summary.failures.map((s) => ({ status: s, problem: problemOf(s) }));
  const seen = new Set(summary.failures.map(describeStatus));
  for (const s of summary.ingredientFailures) {
    // A record of an earlier step that no longer matches what the active manifest signed for it.
    if (problemOf(s) !== 'credential' && !seen.has(describeStatus(s))) problems.push({ status: s, problem: 'recordDamaged' });
  }
  const integrity = problems.filter((p) => p.problem !== 'credential');
  const credential = problems.filter((p) => p.problem === 'credential').map((p) => p.status);
  const integrityOk = integrity.length === 0;
  const ingredientProblems = own.flatMap((m) => m.ingredients.flatMap((i) => i.problems)).filter((s) => problemOf(s) !== 'credential');
  const sourceTypes = [
    ...summary.manifests.flatMap((m) => m.actions.flatMap((a) => [a.digitalSourceType, a.parameterSourceType])),
    ...summary.manifests.flatMap((m) => m.sourceTypes.map((s) => s.value)),
  ].filter((v, i, all): v is string => !!v && all.indexOf(v) === i);

  const base: Record<string, unknown> = {
    claimGenerator: clip(active.generatorInfo.join(', ') || active.claimGenerator || 'not named', 300),
    signer: clip(signerText(active), 300),
    ...(active.signer?.time ? { signedAt: active.signer.time } : {}),
    ...(ownActions.length ? { actions: clip(ownActions.map(actionText).join('; '), 1000) } : {}),
    ...(sourceTypes.length ? { digitalSourceTypes: clip(sourceTypes.join(', '), 1000) } : {}),
    validation: summary.validationState,
    ...(summary.failures.length ? { validationCodes: clip(summary.failures.map(describeStatus).join('; '), 1000) } : {}),
    manifests: summary.manifests.length,
  };

  const hits = aiHits(summary, roles);
  const generated = hits.filter((h) => h.kind === 'generated');
  if (hits.length) {
    const relevant = generated.length ? generated : hits;
    const names = generatorNames(relevant);
    const generator = clip(names.join(' / ') || renderValue(msg('provenance.c2pa.anAiTool')), 300);
    const appName = friendly(generatorOf(active));
    const vendors = new Set(relevant.map((h) => h.tool?.vendor));
    const app = appName && !vendors.has(appName) && !names.some((n) => n.includes(appName)) ? appName : undefined;
    const text = generated.length ? TEXTS.aiGenerated : TEXTS.aiEdited;
    const vars: Vars = {
      ...NO_VARS,
      generator: names.length ? generator : msg('provenance.c2pa.anAiTool'),
      app: app ? msg(generated.length ? 'provenance.c2pa.app.signedBy' : 'provenance.c2pa.app.in', { app }) : '',
    };
    findings.push({
      id: generated.length ? 'provenance.c2pa.ai-generated' : 'provenance.c2pa.ai-edited',
      ...pick(text, vars),
      data: { generator, ...(app ? { app } : {}), aiStatement: clip(relevant.map((h) => h.how).join('; '), 1000), ...base },
    });
  } else {
    const capture = own.find((m) => makerOf(m) || m.actions.some((a) => a.action === 'c2pa.created' && CAPTURE_TERMS.has(sourceTerm(a.digitalSourceType) ?? '')));
    if (capture) {
      const maker = makerOf(capture);
      const device = [capture.exifMake, capture.exifModel].filter(Boolean).join(' ');
      const vars: Vars = { ...NO_VARS, signer: signerOf(capture), maker: maker ?? (device || msg('provenance.c2pa.notKnownMaker')) };
      let text: Text;
      let id: string;
      if (maker && integrityOk) {
        id = 'provenance.c2pa.camera-capture';
        text = summary.validationState === 'Trusted' ? TEXTS.cameraCaptureTrusted : TEXTS.cameraCapture;
      } else {
        id = 'provenance.c2pa.camera-capture-unverified';
        text = TEXTS.cameraUnverified;
        vars.reason = msg(integrityOk ? 'provenance.c2pa.reason.unknownSigner' : 'provenance.c2pa.reason.noLongerMatches');
      }
      findings.push({
        id,
        ...pick(text, vars),
        data: { ...(maker ? { cameraMaker: maker } : {}), ...(device ? { device: clip(device, 200) } : {}), ...base },
      });
    }
    const edits = ownActions.filter((a) => EDIT_ACTIONS.has(a.action));
    const composite = edits.some((a) => a.action === 'c2pa.placed') || own.some((m) => m.ingredients.some((i) => i.relationship === 'componentOf'));
    if (edits.length || composite) {
      const words: MessageParam[] = [];
      const said = new Set<string>();
      const add = (action: string) => {
        const word = actionWords(action);
        if (!said.has(renderValue(word))) words.push(word);
        said.add(renderValue(word));
      };
      for (const a of edits) add(a.action);
      if (composite) add('c2pa.placed');
      const wordList = list('comma', words);
      const edited = clip(renderValue(wordList), 500);
      const text = composite ? TEXTS.composite : TEXTS.edited;
      const vars: Vars = {
        ...NO_VARS,
        edits: edited === renderValue(wordList) ? wordList : edited,
        ingredientNote: ingredientProblems.length ? msg('provenance.c2pa.ingredientNote') : '',
      };
      findings.push({
        id: 'provenance.c2pa.edited',
        ...pick(text, vars),
        data: {
          edits: edited,
          ...(ingredientProblems.length ? { ingredientProblems: clip(ingredientProblems.map(describeStatus).join('; '), 1000) } : {}),
          ...base,
        },
      });
    }
    if (!capture && !edits.length && !composite) {
      const vars: Vars = { ...NO_VARS, generator: friendly(generatorOf(active)) ?? msg('provenance.c2pa.anUnnamedTool'), signer: signerOf(active) };
      findings.push({ id: 'provenance.c2pa.present', ...pick(TEXTS.present, vars), data: base });
    }
  }

  if (!integrityOk) {
    const order: Problem[] = ['contentChanged', 'recordDamaged', 'layoutMismatch'];
    const worst = order.find((p) => integrity.some((i) => i.problem === p)) as Exclude<Problem, 'credential'>;
    findings.push({
      id: 'provenance.c2pa.invalid',
      ...pick(TEXTS[worst]),
      data: { problem: worst, failures: clip(integrity.map((i) => describeStatus(i.status)).join('; '), 1000), ...base },
    });
  } else if (summary.validationState === 'Valid' || summary.validationState === 'Invalid') {
    const vars: Vars = { ...NO_VARS, signer: signerOf(active), reason: certificateNote(credential) };
    findings.push({
      id: 'provenance.c2pa.untrusted',
      ...pick(TEXTS.untrusted, vars),
      data: {
        trustList: 'none shipped with ClaimLens: signers cannot be confirmed',
        ...(credential.length ? { certificate: clip(credential.map(describeStatus).join('; '), 1000) } : {}),
        ...base,
      },
    });
  }
  return findings;
}

function pick(text: Text, vars: Vars = NO_VARS): Omit<Finding, 'id'> {
  return {
    points: text.points,
    ...(text.decisive ? { decisive: true } : {}),
    ...say(text.key, { ...vars }),
  };
}

export const c2paProvenance = defineDetector({
  id: 'provenance.c2pa',
  family: 'provenance',
  budgetMs: 15_000,
  async run(input) {
    const reader = input.host.c2pa;
    if (!reader || !mayContainC2pa(input.bytes)) return [];
    const summary = await reader.read(input.bytes, mimeTypeOf(input.info.format));
    return summary ? interpretC2pa(summary) : [];
  },
});
