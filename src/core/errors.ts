/** The core's one error type a person sees: there is no article here. */

/** Thrown when the page holds no article; the message says so in words a person can act on. */
export class NoArticleError extends Error {
  readonly code = 'no-article';
  constructor(message = 'No article was found on this page.') {
    super(message);
    this.name = 'NoArticleError';
  }
}
