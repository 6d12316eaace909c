/**
 * The attribute that carries a shown block's source index from the page half to the popup (remove-blocks
 * mode). Own file so the popup's sanitizer can name it without pulling Readability into its bundle.
 */
export const BLOCK_MARK = 'data-jy-block';
