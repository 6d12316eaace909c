/** The hostile pages (test/journeys/hostile.ts) in Chromium, on the real toolbar click. */
import { runHostile } from '../journeys/hostile.ts';

runHostile('chromium');
