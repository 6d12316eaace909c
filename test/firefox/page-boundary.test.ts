/** What pages cannot make the extension do, and what it sends into them (test/journeys/page-boundary.ts), in headless Firefox ESR on the test-only build. */
import { runPageBoundary } from '../journeys/page-boundary.ts';

runPageBoundary('firefox');
