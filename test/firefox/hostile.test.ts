/** The hostile pages (test/harness/journeys/hostile.ts) in headless Firefox ESR, on the test-only build's openPopup (test/harness/firefox.ts). */
import { runHostile } from '../harness/journeys/hostile.ts';

runHostile('firefox');
