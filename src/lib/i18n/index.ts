/** The interface strings of each language; one file per language. */
import type { Lang } from '../state/url';
import sv, { type Dict } from './sv';
import en from './en';

export type { Dict };
export const DICTS: Record<Lang, Dict> = { sv, en };
