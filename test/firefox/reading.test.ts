/** Issue 18's reading journeys (test/harness/journeys/reading.ts) in headless Firefox ESR, through the same driver. */
import { runReadingJourneys } from '../harness/journeys/reading.ts';

runReadingJourneys('firefox');
