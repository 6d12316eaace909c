/** What pages cannot make the extension do, and what it sends into them (test/harness/journeys/page-boundary.ts), in headless Firefox ESR on the test-only build. */
import { runPageBoundary } from '../harness/journeys/page-boundary.ts';

runPageBoundary('firefox');
