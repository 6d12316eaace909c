/** What pages cannot make the extension do, and what it sends into them (test/journeys/page-boundary.ts), in Chromium on the real toolbar click. */
import { runPageBoundary } from '../journeys/page-boundary.ts';

runPageBoundary('chromium');
