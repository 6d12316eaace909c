/** The real OptionsApi: every extension page's (src/ui/browser-api.ts) plus this page's DOM for selector checks. */
import { selectorCheck } from '../core/rules/parse.ts';
import { readHistory, updateHistory } from '../platform/storage.ts';
import { extensionPageApi } from '../ui/browser-api.ts';
import type { OptionsApi } from './api.ts';

/** The OptionsApi backed by the browser. */
export function browserApi(): OptionsApi {
  return { ...extensionPageApi(), checkSelector: selectorCheck(document), readHistory, updateHistory };
}
