/**
 * The service worker (event page on Firefox). Wiring only: the popup does the work on click (activeTab),
 * so nothing needs to run in the background; the manifest still needs a background entry for both browsers.
 */
export {};
