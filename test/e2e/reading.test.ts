/** Issue 18's reading journeys (test/harness/journeys/reading.ts) in Chromium, on the real toolbar click. */
import { runReadingJourneys } from '../harness/journeys/reading.ts';

runReadingJourneys('chromium');
