/** The hostile pages (test/harness/journeys/hostile.ts) in Chromium, on the real toolbar click. */
import { runHostile } from '../harness/journeys/hostile.ts';

runHostile('chromium');
