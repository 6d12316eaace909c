/**
 * The service worker (event page on Firefox): the manifest needs a background entry for both browsers, and
 * this is it. Empty on purpose: the popup does the work on click (activeTab), so nothing runs in the
 * background. It sits with the other browser wiring here, not in a folder of its own, because it is no
 * process of the extension's: the three are the page scripts (src/page), the extension pages (popup,
 * reader, options) and the CLI.
 */
export {};
