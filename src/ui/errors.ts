/** Errors as a person reads them, for every extension page (the popup's own messages: src/popup/errors.ts). */

/** The message of anything thrown (browsers reject with Errors, other code may throw strings). */
export const detailOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
