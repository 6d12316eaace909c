/** The shared journeys (test/journeys/journeys.ts) in Chromium, on the real toolbar click. */
import { runJourneys } from '../journeys/journeys.ts';

runJourneys('chromium');
