/** The shared journeys (test/harness/journeys/journeys.ts) in headless Firefox ESR, on the test-only build's openPopup (test/harness/firefox.ts). */
import { runJourneys } from '../harness/journeys/journeys.ts';

runJourneys('firefox');
