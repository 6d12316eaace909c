/** The multi-page journeys (test/harness/journeys/multi-page.ts) in Chromium, on the real toolbar click. */
import { runMultiPage } from '../harness/journeys/multi-page.ts';

runMultiPage('chromium');
