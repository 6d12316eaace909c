/** Simplified ↔ Traditional for the article's view and exports (issue 19), on opencc-js loaded on first use. */
export { SCRIPT_TARGETS, isScriptTarget, plan, regionOf, targetLang, type Plan, type ScriptTarget, type SourceScript } from './targets';
export { changedShare, detectScript, loadConverter, type Loaded, type TextConverter } from './conversion';
export { convertTree, scriptView, type ScriptView } from './convert-tree';
export { convertArticle } from './convert-article';
