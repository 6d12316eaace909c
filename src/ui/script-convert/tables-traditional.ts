/**
 * Traditional → Simplified with opencc-js's own configurations (tw2sp, hk2s), and Traditional → Traditional of
 * another region (its locale steps chained: region → OpenCC standard → region). Loaded on demand as its own
 * chunk (about 90 KB of tables); the script detection (conversion.ts) uses it too.
 */
import { ConverterBuilder, ConverterFactory, type DictGroup } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import toTw from 'opencc-js/to/tw';
import toTwp from 'opencc-js/to/twp';
import toHk from 'opencc-js/to/hk';

const build = ConverterBuilder(t2cn);

/** A converter from a Traditional locale to Simplified (mainland). */
export const toSimplified = (from: 'tw' | 'twp' | 'hk'): ((s: string) => string) => build({ from, to: 'cn' });

const TO: Record<'tw' | 'twp' | 'hk', readonly DictGroup[]> = { tw: toTw, twp: toTwp, hk: toHk };

/** A converter between Traditional locales ('t': OpenCC's standard forms, when the region is not known). */
export function betweenTraditional(from: 'tw' | 'hk' | 't', to: 'tw' | 'twp' | 'hk'): (s: string) => string {
  const steps = [...(from === 't' ? [] : t2cn.from[from]!), ...TO[to]];
  return ConverterFactory(steps as DictGroup[]);
}
