/**
 * The one request a clean is made with: which page, which of its rules, what the caller wants back. It is built
 * once per read (the popup's session, the CLI, derive.js for each probe) and every step reads the same one: the
 * page's run (extract.ts), the article stage (settle.ts) and the re-ask for a plain run (`plain`). What enters a
 * page's process is this request with only that site's own rules, without their titles or evidence
 * (popup/session.ts pageRequest).
 */
import type { RuleChoice } from '../rules/choose';

/** What to clean and how: the rule choice, and what the caller wants back. */
export interface CleanRequest extends RuleChoice {
  /**
   * Stamp each element of the clone with its index among the live body's elements (BLOCK_MARK), so a block
   * shown in the popup can be traced back to its source element. Only the remove-blocks mode asks for it:
   * the normal path pays nothing.
   */
  marks?: boolean;
  /**
   * Plain Readability on an unpruned copy, for the never-worse check (step 5 asks for it when the pruned run
   * looks suspect; rarely). No rule is applied.
   */
  plain?: boolean;
}
