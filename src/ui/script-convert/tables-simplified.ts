/**
 * Simplified → Traditional with opencc-js's own configurations (s2tw, s2twp, s2hk: phrase segmentation, then
 * characters, then the regional variants). Loaded on demand as its own chunk: STPhrases alone is about 1 MB.
 */
import { ConverterBuilder } from 'opencc-js/core';
import * as cn2t from 'opencc-js/preset/cn2t';

const build = ConverterBuilder(cn2t);

/** A converter from Simplified (mainland) to the given Traditional locale. */
export const fromSimplified = (to: 'tw' | 'twp' | 'hk'): ((s: string) => string) => build({ from: 'cn', to });
