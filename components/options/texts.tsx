/**
 * The options page's texts in the UI language: the page provides its locale once, and every
 * section reads its texts through `useTexts()`. Values (addresses, file names, rule names,
 * messages from files) are inserted as text, never as markup.
 */
import { createContext, Fragment, useContext, useMemo, type ReactNode } from 'react';
import { t as message, type Locale, type Params } from '@/lib/i18n/messages';
import type { OptionsKey } from '@/lib/i18n/options-en';

export const LocaleContext = createContext<Locale>('en');

export interface Texts {
  locale: Locale;
  /** An options text with its `{name}` placeholders filled. */
  t(key: OptionsKey, params?: Params): string;
  /** The `.one` or `.many` form of a text, by `count` (also filled in as `{count}`). */
  plural(key: PluralKey, count: number, params?: Params): string;
  /** A text whose placeholders are replaced by elements (e.g. code samples). */
  rich(key: OptionsKey, nodes: Record<string, ReactNode>): ReactNode;
}

/** Keys that have a `.one` and a `.many` form, without the suffix. */
export type PluralKey = {
  [K in OptionsKey]: K extends `${infer B}.one` ? (`${B}.many` extends OptionsKey ? B : never) : never;
}[OptionsKey];

const PLACEHOLDER = /\{(\w+)\}/;

export function textsFor(locale: Locale): Texts {
  const t = (key: OptionsKey, params?: Params) => message(key, params, locale);
  return {
    locale,
    t,
    plural: (key, count, params) => t(`${key}.${count === 1 ? 'one' : 'many'}` as OptionsKey, { ...params, count }),
    rich: (key, nodes) => {
      // split() with a capturing group alternates text and placeholder names.
      const parts = t(key).split(PLACEHOLDER);
      return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 && Object.hasOwn(nodes, part) ? nodes[part] : i % 2 === 1 ? `{${part}}` : part}</Fragment>);
    },
  };
}

export function useTexts(): Texts {
  const locale = useContext(LocaleContext);
  return useMemo(() => textsFor(locale), [locale]);
}
