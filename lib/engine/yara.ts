/**
 * YARA for the engine, the same in every host: libyara compiled to wasm (libyara-wasm, one
 * CommonJS file with the wasm inlined), loaded with a dynamic import on the first file that
 * has rules to run, in the browser worker and in Node alike. The extension build rewrites the
 * library's two code-generating embind helpers into closures (build/yara-csp.ts) because the
 * MV3 content security policy forbids `new Function`; Node runs the package as published.
 *
 *   compile(source) → CompiledRules   { ok, errors: [{ line, message }], warnings, rules }
 *   scan(bytes, compiled) → YaraMatch[]   [{ rule, meta, tags, strings }]
 *   checkRules(source) → RulesCheck   the same check as plain data, for the options page
 *
 * The library's only entry point compiles the rules and scans one buffer in a single call,
 * so a compiled rule set cannot be kept inside the wasm: compile() runs that call once per
 * source string on an empty buffer (errors, warnings, rule names and tags, cached), and every
 * scan() recompiles inside the same call (about 15 ms for the shipped rules). The module is
 * instantiated once per worker or process, again after a wasm abort, and again after it was
 * let go following a very large file (RELEASE_ABOVE_BYTES).
 *
 * Matched bytes never leave this module raw: each string match is described by its
 * identifier, offsets and a preview of at most 80 bytes, as text when printable, else as hex.
 */

/** One compile diagnostic; `line` is 1-based in the source that was compiled. */
export interface YaraDiagnostic {
  line: number;
  message: string;
}

/** A rule declared in the source, with its tags (libyara-wasm does not report tags). */
export interface YaraRuleInfo {
  name: string;
  tags: string[];
  line: number;
}

export interface CompiledRules {
  readonly source: string;
  readonly ok: boolean;
  readonly errors: readonly YaraDiagnostic[];
  readonly warnings: readonly YaraDiagnostic[];
  readonly rules: ReadonlyMap<string, YaraRuleInfo>;
  /** Milliseconds the compile check took (the first one includes loading the wasm). */
  readonly compileMs: number;
}

/** The matches of one string identifier of a rule. */
export interface YaraStringHit {
  /** '$name' as written in the rule. */
  identifier: string;
  /** How many times it matched among the string matches inspected. */
  count: number;
  /** Offsets of the first matches (at most MAX_OFFSETS), in bytes from the start of the file. */
  offsets: number[];
  /** Length in bytes of the first match. */
  length: number;
  /** The first match, at most PREVIEW_BYTES bytes, as text when printable, else as hex. */
  preview: string;
}

export interface YaraMatch {
  rule: string;
  /** The rule's meta values, all as strings (integers and booleans included). */
  meta: Record<string, string>;
  tags: string[];
  /** Per string identifier, from the first `inspected` string matches. */
  strings: YaraStringHit[];
  /** String matches of the rule in all (libyara stops counting one string at 1,000,000). */
  matchCount: number;
  /** How many of them were read into `strings`. */
  inspected: number;
}

/** What the options page shows for the team's rules. Plain data (structured-clone safe). */
export interface RulesCheck {
  ok: boolean;
  errors: YaraDiagnostic[];
  warnings: YaraDiagnostic[];
  /** The rules the source declares, in order. */
  rules: { name: string; line: number; tags: string[] }[];
}

export const PREVIEW_BYTES = 80;
export const MAX_OFFSETS = 5;
/**
 * String matches read per rule. Reading each one out of the wasm costs about 15 µs, and a
 * loose team rule (one byte, a common word) can match a million times in one file.
 */
export const MAX_INSPECTED = 1_000;
/** Distinct sources whose compile result is kept (shipped rules, the team's, the options page's draft). */
const CACHE_SIZE = 8;
/**
 * A scanned buffer grows the wasm heap to about three times its size, and a wasm heap never
 * shrinks: after a file this large the instance is let go once scanning pauses, so a 64 MB
 * file does not keep ~190 MB for the worker's lifetime. The next file loads it again.
 */
const RELEASE_ABOVE_BYTES = 16 * 1024 * 1024;
const RELEASE_AFTER_MS = 2_000;

// libyara-wasm's embind surface (YaraCC.h in the package). Vectors and the result object are
// wasm-side objects that must be deleted; each property read of a vector returns a new copy.
interface EmVector<T> {
  size(): number;
  get(i: number): T;
  delete(): void;
}
interface EmCompileError {
  message: string;
  lineNumber: number;
  warning: boolean;
}
interface EmResolvedMatch {
  location: number;
  matchLength: number;
  stringIdentifier: string;
}
interface EmMeta {
  identifier: string;
  data: string;
}
interface EmMatchedRule {
  ruleName: string;
  resolvedMatches: EmVector<EmResolvedMatch>;
  metadata: EmVector<EmMeta>;
}
interface EmResult {
  readonly compileErrors: EmVector<EmCompileError>;
  readonly matchedRules: EmVector<EmMatchedRule>;
  delete(): void;
}
interface YaraModule {
  run(buffer: Uint8Array, rules: string): EmResult;
}
type YaraFactory = (options?: object) => Promise<YaraModule>;

let yaraModule: Promise<YaraModule> | undefined;
/** Calls made on the current instance: libyara-wasm leaks wasm memory per call, so it is renewed. */
let callsOnInstance = 0;
/** Calls after which a fresh instance is started (about 12 MB leak per call; ~170 calls exhaust it). */
const RENEW_AFTER_CALLS = 20;
let releaseTimer: ReturnType<typeof setTimeout> | undefined;

function releaseSoon(): void {
  clearTimeout(releaseTimer);
  releaseTimer = setTimeout(() => {
    yaraModule = undefined;
  }, RELEASE_AFTER_MS);
  // Node: a pending release never keeps the CLI running.
  (releaseTimer as { unref?: () => void }).unref?.();
}

async function instantiate(): Promise<YaraModule> {
  // @ts-expect-error -- libyara-wasm ships no type declarations; its surface is typed above.
  const imported: unknown = await import('libyara-wasm');
  const candidate = imported as { default?: unknown };
  const factory = (typeof candidate.default === 'function' ? candidate.default : imported) as YaraFactory;
  if (typeof factory !== 'function') throw new Error('The YARA engine could not be loaded');
  // In Node, Emscripten's glue installs process-wide handlers that rethrow every uncaught
  // error and unhandled rejection; the CLI and the test runner keep their own behaviour.
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  const events = ['uncaughtException', 'unhandledRejection'] as const;
  const before = typeof proc?.listeners === 'function' ? events.map((e) => proc.listeners(e)) : undefined;
  const instance = await factory();
  if (proc && before) {
    events.forEach((event, i) => {
      for (const listener of proc.listeners(event)) {
        if (!before[i].includes(listener)) proc.removeListener(event, listener as (...args: unknown[]) => void);
      }
    });
  }
  return instance;
}

function loadYara(): Promise<YaraModule> {
  if (callsOnInstance >= RENEW_AFTER_CALLS) {
    yaraModule = undefined;
    callsOnInstance = 0;
  }
  callsOnInstance++;
  yaraModule ??= instantiate().catch((err: unknown) => {
    yaraModule = undefined;
    throw err instanceof Error ? err : new Error(`The YARA engine could not start: ${String(err)}`);
  });
  return yaraModule;
}

/** One call into the wasm; a wasm abort drops the instance so the next call starts afresh. */
async function runYara<T>(bytes: Uint8Array, source: string, read: (result: EmResult) => T): Promise<T> {
  const yara = await loadYara();
  let result: EmResult | undefined;
  try {
    result = yara.run(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), source);
    return read(result);
  } catch (err) {
    yaraModule = undefined;
    throw new Error(`The YARA engine failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    result?.delete();
    if (bytes.length > RELEASE_ABOVE_BYTES) releaseSoon();
  }
}

/** Visits the first `limit` items of a wasm vector, deletes it, and returns its full size. */
function eachOf<T>(vector: EmVector<T>, visit: (item: T) => void, limit = Infinity): number {
  try {
    const size = vector.size();
    for (let i = 0; i < Math.min(size, limit); i++) visit(vector.get(i));
    return size;
  } finally {
    vector.delete();
  }
}

const cache = new Map<string, Promise<CompiledRules>>();

/** Compiles `source` once (cached by the exact string) and reports its errors with line numbers. */
export function compile(source: string): Promise<CompiledRules> {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  const compiled = compileUncached(source);
  cache.set(source, compiled);
  compiled.catch(() => cache.delete(source));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return compiled;
}

async function compileUncached(source: string): Promise<CompiledRules> {
  const started = performance.now();
  const errors: YaraDiagnostic[] = [];
  const warnings: YaraDiagnostic[] = [];
  await runYara(new Uint8Array(0), source, (result) => {
    eachOf(result.compileErrors, (e) => (e.warning ? warnings : errors).push({ line: e.lineNumber, message: e.message }));
    result.matchedRules.delete();
  });
  const rules = new Map(declaredRules(source).map((r) => [r.name, r] as const));
  return { source, ok: errors.length === 0, errors, warnings, rules, compileMs: Math.round((performance.now() - started) * 100) / 100 };
}

/** Runs compiled rules over `bytes`. Throws for rules that did not compile. */
export async function scan(bytes: Uint8Array, compiled: CompiledRules): Promise<YaraMatch[]> {
  if (!compiled.ok) throw new Error(`The rules do not compile (${compiled.errors.length} error${compiled.errors.length === 1 ? '' : 's'})`);
  if (compiled.source.trim() === '') return [];
  return runYara(bytes, compiled.source, (result) => {
    result.compileErrors.delete();
    const matches: YaraMatch[] = [];
    eachOf(result.matchedRules, (rule) => {
      const meta: Record<string, string> = {};
      eachOf(rule.metadata, (m) => {
        if (!(m.identifier in meta)) meta[m.identifier] = m.data;
      });
      const strings = new Map<string, YaraStringHit>();
      const matchCount = eachOf(rule.resolvedMatches, (m) => {
        const known = strings.get(m.stringIdentifier);
        if (known) {
          known.count++;
          if (known.offsets.length < MAX_OFFSETS) known.offsets.push(m.location);
        } else {
          strings.set(m.stringIdentifier, {
            identifier: m.stringIdentifier,
            count: 1,
            offsets: [m.location],
            length: m.matchLength,
            preview: previewBytes(bytes.subarray(m.location, m.location + Math.min(m.matchLength, PREVIEW_BYTES)), m.matchLength),
          });
        }
      }, MAX_INSPECTED);
      matches.push({
        rule: rule.ruleName,
        meta,
        tags: compiled.rules.get(rule.ruleName)?.tags ?? [],
        strings: [...strings.values()],
        matchCount,
        inspected: Math.min(matchCount, MAX_INSPECTED),
      });
    });
    return matches;
  });
}

/** The options page's check of the team's rules: compile errors and warnings with line numbers. */
export async function checkRules(source: string): Promise<RulesCheck> {
  if (source.trim() === '') return { ok: true, errors: [], warnings: [], rules: [] };
  try {
    const compiled = await compile(source);
    return {
      ok: compiled.ok,
      errors: [...compiled.errors],
      warnings: [...compiled.warnings],
      rules: [...compiled.rules.values()].map((r) => ({ name: r.name, line: r.line, tags: [...r.tags] })),
    };
  } catch (err) {
    return { ok: false, errors: [{ line: 0, message: err instanceof Error ? err.message : String(err) }], warnings: [], rules: [] };
  }
}

const isPrintable = (b: number) => (b >= 0x20 && b < 0x7f) || b === 0x09;

/** Matched bytes for display: quoted text when printable ASCII (or UTF-16 of it), else hex. */
export function previewBytes(bytes: Uint8Array, fullLength = bytes.length): string {
  const more = fullLength > bytes.length ? ` … (${fullLength} bytes)` : '';
  if (bytes.length > 0 && bytes.every(isPrintable)) return `"${String.fromCharCode(...bytes)}"${more}`;
  const wide = bytes.length >= 4 && bytes.length % 2 === 0;
  if (wide && bytes.every((b, i) => (i % 2 === 0 ? isPrintable(b) : b === 0))) {
    return `"${String.fromCharCode(...bytes.filter((_, i) => i % 2 === 0))}" (UTF-16)${more}`;
  }
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ') + more;
}

/**
 * The rules a YARA source declares (`[private|global] rule NAME [: TAG ...] {`), found in a
 * copy of the source whose comments, text strings and regular expressions are blanked.
 */
export function declaredRules(source: string): YaraRuleInfo[] {
  const code = blankLiterals(source);
  const rules: YaraRuleInfo[] = [];
  const header = /\brule\s+([A-Za-z_]\w*)\s*(?::((?:\s*[A-Za-z_]\w*)+))?\s*\{/g;
  for (let m = header.exec(code); m; m = header.exec(code)) {
    const line = code.slice(0, m.index).split('\n').length;
    rules.push({ name: m[1], tags: m[2]?.trim().split(/\s+/) ?? [], line });
  }
  return rules;
}

function blankLiterals(source: string): string {
  const out = source.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || (c === '/' && /(=|\bmatches)\s*$/.test(source.slice(Math.max(0, i - 16), i)))) {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      blank(i, j + 1);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}
