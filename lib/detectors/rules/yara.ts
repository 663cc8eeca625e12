/**
 * rules.yara — YARA rules over the file's bytes: the rules ClaimLens ships (shipped.ts: byte
 * marks of AI generators, AI editors and Content Credentials) and the team's own rules from
 * the settings. Each matching rule is one evidence item:
 *   rules.yara.<rule>        a shipped rule
 *   rules.yara.team.<rule>   a team rule
 * (the rule name with `_` written as `-`, like every other evidence id; `data.rule` keeps the
 * name as written)
 * with the points its `meta: points` names (neutral when absent or unknown) and its
 * `meta: description` as the explanation. No rule is decisive; weights come from the
 * calibration like every other signal (0 until calibrated; team rules are never in the
 * corpus, so they inform the agent without moving the score).
 *
 * Team rules that do not compile give one neutral item, rules.yara.team-compile-error, with
 * the errors and their line numbers; the shipped rules and every other check still run.
 * Rule text, meta values and matched bytes are untrusted: clipped, previews of at most 80
 * bytes shown as text or hex (lib/engine/yara.ts).
 */
import { defineDetector, type Finding } from '../../engine/detector';
import { clip } from '../../engine/limits';
import type { EvidencePoints } from '../../engine/types';
import { compile, scan, type CompiledRules, type YaraMatch } from '../../engine/yara';
import { SHIPPED_RULES } from './shipped';

type Origin = 'shipped' | 'team';

const POINTS: ReadonlySet<string> = new Set<EvidencePoints>(['ai', 'edited', 'reused', 'authentic', 'neutral']);
/** String identifiers listed per match; a rule with more says how many were left out. */
const MAX_IDENTIFIERS = 20;
const MAX_META_TEXT = 500;

export const COMPILE_ERROR_ID = 'rules.yara.team-compile-error';
export const TEAM_ERROR_ID = 'rules.yara.team-error';

/**
 * The evidence id of a matching rule. Evidence ids are dotted kebab-case; YARA names allow
 * letters, digits and `_` but never `-`, so `_` → `-` keeps ids distinct per rule name.
 */
export function evidenceIdOf(rule: string, origin: Origin): string {
  const id = rule.replace(/_/g, '-');
  return origin === 'team' ? `rules.yara.team.${id}` : `rules.yara.${id}`;
}

function pointsOf(value: string | undefined): EvidencePoints {
  const v = value?.trim().toLowerCase();
  return v && POINTS.has(v) ? (v as EvidencePoints) : 'neutral';
}

function hex(n: number): string {
  return `0x${n.toString(16).toUpperCase()}`;
}

function describeStrings(match: YaraMatch): string {
  const lines = match.strings.slice(0, MAX_IDENTIFIERS).map((s) => {
    const where = s.offsets.map(hex).join(', ') + (s.count > s.offsets.length ? ', …' : '');
    return `${s.identifier} ×${s.count} at ${where}: ${s.preview}`;
  });
  if (match.strings.length > MAX_IDENTIFIERS) lines.push(`… and ${match.strings.length - MAX_IDENTIFIERS} more strings`);
  if (match.matchCount > match.inspected) lines.push(`(counts cover the first ${match.inspected} of ${match.matchCount} string matches)`);
  return lines.join('\n');
}

function matchFinding(match: YaraMatch, origin: Origin): Finding {
  const name = clip(match.rule, 128);
  const description = match.meta.description?.trim();
  const otherMeta = Object.entries(match.meta).filter(([k]) => k !== 'description' && k !== 'points');
  const strings = describeStrings(match);
  const data: Record<string, unknown> = {
    rule: name,
    rules: origin === 'team' ? 'your team’s rules' : 'ClaimLens rules',
    ...(match.tags.length ? { tags: match.tags.join(', ') } : {}),
    ...(strings ? { strings: clip(strings) } : {}),
    ...(otherMeta.length ? { meta: clip(otherMeta.map(([k, v]) => `${k}: ${v}`).join('\n'), MAX_META_TEXT) } : {}),
  };
  return {
    id: evidenceIdOf(match.rule, origin),
    points: pointsOf(match.meta.points),
    title: `Rule ${name} matched`,
    detail: description
      ? clip(description)
      : origin === 'team'
        ? `Your team’s YARA rule “${name}” matched this file. The rule has no description; ask whoever maintains your team’s rules what it looks for.`
        : `The ClaimLens rule “${name}” matched this file.`,
    data,
  };
}

function compileErrorFinding(team: CompiledRules): Finding {
  const listed = team.errors.map((e) => `line ${e.line}: ${e.message}`);
  const n = team.errors.length;
  return {
    id: COMPILE_ERROR_ID,
    points: 'neutral',
    title: 'Your team’s YARA rules have errors and did not run',
    detail: clip(
      `Your team’s rules contain ${n === 1 ? 'an error' : `${n} errors`}, so none of them were run on this file (${listed.join('; ')}). ` +
        'ClaimLens’s own rules and all other checks ran as usual. This is a settings problem, not something about the image: ' +
        'whoever maintains the rules can see and fix the errors on the options page.',
    ),
    data: { errors: clip(listed.join('\n')) },
  };
}

function teamErrorFinding(err: unknown): Finding {
  const message = err instanceof Error ? err.message : String(err);
  return {
    id: TEAM_ERROR_ID,
    points: 'neutral',
    title: 'Your team’s YARA rules could not be run on this file',
    detail: clip(
      `Running your team’s rules failed (${message}). ClaimLens’s own rules and all other checks ran as usual. ` +
        'This is not in itself a sign of fraud; if it happens on many files, ask whoever maintains the rules to simplify them.',
    ),
    data: { error: clip(message, MAX_META_TEXT) },
  };
}

export const yaraRules = defineDetector({
  id: 'rules.yara',
  family: 'rules',
  declaredWeights: { [COMPILE_ERROR_ID]: 0, [TEAM_ERROR_ID]: 0 },
  async run(input) {
    const shipped = await compile(SHIPPED_RULES);
    if (!shipped.ok) throw new Error(`the built-in rules do not compile: ${shipped.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
    const findings = (await scan(input.bytes, shipped)).map((m) => matchFinding(m, 'shipped'));
    if (input.teamRules.trim() === '') return findings;
    try {
      const team = await compile(input.teamRules);
      if (!team.ok) findings.push(compileErrorFinding(team));
      else findings.push(...(await scan(input.bytes, team)).map((m) => matchFinding(m, 'team')));
    } catch (err) {
      findings.push(teamErrorFinding(err));
    }
    return findings;
  },
});
