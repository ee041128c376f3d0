/**
 * The interface strings, one file per language. Swedish (the default) is in the main bundle;
 * English is loaded when first asked for, so Swedish readers never download it.
 */
import type { Lang } from '../domain';
import sv, { type Dict } from './sv';

export type { Dict };
export { sv };

const loaders: Record<Lang, () => Promise<Dict>> = {
  sv: async () => sv,
  en: async () => (await import('./en')).default,
};

/** Loads a language's strings (cached by the module system). */
export function loadDict(lang: Lang): Promise<Dict> {
  return loaders[lang]();
}
