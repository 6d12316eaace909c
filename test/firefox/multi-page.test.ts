/** The multi-page journeys (test/harness/journeys/multi-page.ts) in headless Firefox ESR, on the test-only build's openPopup. */
import { runMultiPage } from '../harness/journeys/multi-page.ts';

runMultiPage('firefox');
