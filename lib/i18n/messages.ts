/**
 * Messages in the languages ClaimLens speaks: one catalogue per locale (lib/i18n/en.ts,
 * lib/i18n/zh-CN.ts), `t()` to fill a message's `{name}` placeholders, and `say()` for the
 * detectors, which gives an evidence item its English title/detail and the same texts as
 * message references, so the side panel and the badges can show them in the agent's language.
 *
 * Plain TypeScript without browser APIs: the engine (worker and Node) uses it. Parameter values
 * are inserted once, as text: a value that looks like `{name}` or like HTML stays as it is.
 */
import type { MessageList, MessageParam, MessageRef } from '../engine/types';
import { EN } from './en';
import { ZH_CN } from './zh-CN';

export type { MessageList, MessageParam, MessageRef } from '../engine/types';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export type MessageKey = keyof typeof EN;
export type Catalogue = Readonly<Record<MessageKey, string>>;

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en: EN, 'zh-CN': ZH_CN };

/** Keys `K` for which the catalogue has both `K.title` and `K.detail`. */
export type TextKey = {
  [K in MessageKey]: K extends `${infer B}.title` ? (`${B}.detail` extends MessageKey ? B : never) : never;
}[MessageKey];

export type Params = Record<string, MessageParam>;

const PLACEHOLDER = /\{(\w+)\}/g;
/** Nested messages deeper than this render as nothing (a malformed or hostile reference). */
const MAX_DEPTH = 6;

/** The UI language for a BCP 47 tag: any Chinese → Simplified Chinese, everything else → English. */
export function localeOf(tag: string | undefined | null): Locale {
  return /^zh\b/i.test(tag?.trim() ?? '') ? 'zh-CN' : 'en';
}

/** The placeholder names of a template, sorted and without repeats. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

function templateOf(key: string, locale: Locale): string | undefined {
  const catalogue = CATALOGUES[locale] ?? EN;
  return Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;
}

function fill(template: string, params: Params | undefined, locale: Locale, depth: number): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    params && Object.hasOwn(params, name) ? renderParam(params[name], locale, depth) : whole,
  );
}

function renderParam(p: MessageParam, locale: Locale, depth: number): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return String(p);
  if (!p || typeof p !== 'object' || depth >= MAX_DEPTH) return '';
  if ('items' in p && Array.isArray(p.items)) {
    const separator = templateOf(`join.${p.join}`, locale) ?? ', ';
    return p.items.map((item) => renderParam(item, locale, depth + 1)).join(separator);
  }
  if ('key' in p && typeof p.key === 'string') return renderRef(p, locale, depth + 1);
  return '';
}

function renderRef(ref: MessageRef, locale: Locale, depth: number): string {
  const template = templateOf(ref.key, locale) ?? templateOf(ref.key, 'en');
  return template === undefined ? ref.key : fill(template, ref.params, locale, depth);
}

/** A message in `locale` (English by default) with its placeholders filled from `params`. */
export function t(key: MessageKey, params?: Params, locale: Locale = 'en'): string {
  return renderRef({ key, params }, locale, 0);
}

/** A message reference, rendered. Unknown keys render as the key itself. */
export function render(ref: MessageRef, locale: Locale = 'en'): string {
  return renderRef(ref, locale, 0);
}

/** A message parameter (text, number, message or list), rendered. */
export function renderValue(p: MessageParam, locale: Locale = 'en'): string {
  return renderParam(p, locale, 0);
}

/**
 * Problems that keep a reference from rendering completely in `locale`: unknown keys and
 * placeholders without a value, at any depth. Empty when it renders completely.
 */
export function problemsOf(ref: MessageRef, locale: Locale): string[] {
  const problems: string[] = [];
  const visit = (p: MessageParam, depth: number): void => {
    if (depth >= MAX_DEPTH) problems.push('nested too deep');
    else if (p && typeof p === 'object' && 'items' in p) {
      if (templateOf(`join.${p.join}`, locale) === undefined) problems.push(`unknown separator join.${p.join}`);
      for (const item of p.items) visit(item, depth + 1);
    } else if (p && typeof p === 'object' && 'key' in p) {
      const template = templateOf(p.key, locale);
      if (template === undefined) {
        problems.push(`unknown key ${p.key}`);
        return;
      }
      for (const name of placeholdersOf(template)) {
        if (!p.params || !Object.hasOwn(p.params, name)) problems.push(`${p.key}: no value for {${name}}`);
      }
      for (const value of Object.values(p.params ?? {})) visit(value, depth + 1);
    }
  };
  visit(ref, 0);
  return problems;
}

/** A typed message reference; `params` only when there are any. */
export function msg(key: MessageKey, params?: Params): MessageRef {
  return params && Object.keys(params).length ? { key, params } : { key };
}

/** Items joined by the locale's separator of the given kind. */
export function list(join: MessageList['join'], items: MessageParam[]): MessageList {
  return { join, items };
}

export interface Said {
  title: string;
  detail: string;
  text: { title: MessageRef; detail: MessageRef };
}

/** Title and detail from two references: the English texts and the references together. */
export function sayRefs(title: MessageRef, detail: MessageRef): Said {
  return { title: render(title), detail: render(detail), text: { title, detail } };
}

/** The reference to `key` with the values among `params` that its text has placeholders for. */
function refWith(key: MessageKey, params: Params | undefined): MessageRef {
  if (!params) return msg(key);
  const used = placeholdersOf(EN[key]).filter((name) => Object.hasOwn(params, name));
  return msg(key, Object.fromEntries(used.map((name) => [name, params[name]])));
}

/**
 * `key.title` and `key.detail`, each with the values of its own placeholders taken from one
 * set of values: the English texts and the references.
 */
export function say(key: TextKey, params?: Params): Said {
  return sayRefs(refWith(`${key}.title` as MessageKey, params), refWith(`${key}.detail` as MessageKey, params));
}

const BY_ENGLISH = new Map<string, MessageKey>();
for (const [key, text] of Object.entries(EN) as [MessageKey, string][]) {
  if (placeholdersOf(text).length === 0 && !BY_ENGLISH.has(text)) BY_ENGLISH.set(text, key);
}

/**
 * A fixed English text (no placeholders) that the catalogue holds, in `locale`; any other text
 * as it is. For texts made outside this module's reach (visual labels, the coverage list).
 */
export function translateEnglish(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const key = BY_ENGLISH.get(text);
  return key ? t(key, undefined, locale) : text;
}
