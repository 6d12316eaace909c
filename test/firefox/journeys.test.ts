/** The shared journeys (test/journeys/journeys.ts) in headless Firefox ESR, on the test-only build's openPopup (firefox.ts). */
import { runJourneys } from '../journeys/journeys.ts';

runJourneys('firefox');
