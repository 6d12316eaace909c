/**
 * The article in the script the person chose (issue 19: 原文 / 简体 / 繁體), shared by the popup and the reader
 * tab: the converter and its tables load on first use (src/ui/script-convert: separate chunks, nothing in a
 * page's first paint), and the view is the converted Article itself (convertArticle: text nodes only, never an
 * attribute or a URL), so the header, the body, read aloud and every export follow it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../core/types.ts';
import type { SiteScript } from '../settings/index.ts';

type Engine = typeof import('./script-convert/index.ts');
let engine: Promise<Engine> | null = null;
/** The conversion code, loaded once, when a conversion is first asked for. */
const loadEngine = () => (engine ??= import('./script-convert/index.ts'));

const HAN = /\p{Script=Han}/u;

/** Whether the script control applies to `article`: Chinese by its tag, or Han characters in its text. */
export function hasHan(article: Pick<Article, 'lang' | 'text' | 'title'> | null): boolean {
  if (!article) return false;
  return /^zh\b/i.test(article.lang ?? '') || HAN.test(article.title) || HAN.test(article.text.slice(0, 2000));
}

/** What {@link useScript} gives: the article as shown, whether the tables are loading, and a failure's detail. */
export interface ScriptState {
  shown: Article | null;
  loading: boolean;
  error: string | null;
}

/** `article` shown in `target` (the original while converting, or when there is nothing to convert). */
export function useScript(article: Article | null, target: SiteScript): ScriptState {
  const [state, setState] = useState<ScriptState>({ shown: article, loading: false, error: null });
  useEffect(() => {
    // Nothing to convert: keep the state object when it already says so (no extra render of the popup per article).
    if (!article || target === 'original' || !hasHan(article)) {
      return setState(s => (s.shown === article && !s.loading && !s.error ? s : { shown: article, loading: false, error: null }));
    }
    let live = true;
    setState(s => ({ shown: s.shown && s.shown.url === article.url ? s.shown : article, loading: true, error: null }));
    void (async () => {
      try {
        const m = await loadEngine();
        const { convert } = await m.loadConverter(target, article);
        if (!live) return;
        const shown = convert ? m.convertArticle(article, convert, m.targetLang(target, article.lang), document) : article;
        setState({ shown, loading: false, error: null });
      } catch (e) {
        if (live) setState({ shown: article, loading: false, error: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [article, target]);
  // Another article arrived and the effect has not run yet: never show the last one's conversion. (The same
  // article with more pages merged keeps its converted view until the new conversion lands.)
  if (article && state.shown?.url !== article.url)
    return { shown: article, loading: target !== 'original' && hasHan(article), error: null };
  return state;
}
