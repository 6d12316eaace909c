/** The shared journeys (test/harness/journeys/journeys.ts) in Chromium, on the real toolbar click. */
import { runJourneys } from '../harness/journeys/journeys.ts';

runJourneys('chromium');
