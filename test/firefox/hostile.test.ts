/** The hostile pages (test/journeys/hostile.ts) in headless Firefox ESR, on the test-only build's openPopup (firefox.ts). */
import { runHostile } from '../journeys/hostile.ts';

runHostile('firefox');
