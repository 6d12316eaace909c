/**
 * Types for the opencc-js dictionary groups imported one by one (its package.json exports them as "./*" without
 * types): each module's default export is the chain of dictionary groups of one locale step.
 */
declare module 'opencc-js/to/tw' {
  const groups: readonly import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/twp' {
  const groups: readonly import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/hk' {
  const groups: readonly import('opencc-js/core').DictGroup[];
  export default groups;
}
