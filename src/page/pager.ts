/**
 * pager.js (issue 19, multi-page articles): injected into the page after the first page is shown, only where
 * the site's merge switch is on, next to content.js in the same isolated world (content.js stays within its
 * 60 KB: detection lives here). It finds the article's own pager on the live page (read, never changed) and
 * fetches the following pages: from the page's own origin, so the site's cookies apply and no host
 * permission is needed; XMLHttpRequest with responseType 'document' decodes as the browser decodes a page
 * (BOM, Content-Type charset, <meta> prescan), so GBK and Big5 sites read right without charset code here.
 */
import { detectPager } from '../core/pager/detect.ts';
import { templateSignal } from '../core/pager/continuation.ts';
import {
  PAGER_KEY,
  installApi,
  installedApi,
  type PagerApi,
  type PagerFetchRequest,
  type PagerFetchResponse,
  type PagerFound,
} from './protocol.ts';

function detect(req: { url: string }): PagerFound {
  const pager = detectPager(document, req.url);
  return {
    pager: pager ? { current: pager.current, pages: [...pager.pages], next: pager.next, last: pager.last } : null,
    template: templateSignal(document),
  };
}

/** Fetches `req.url`, refusing another origin before anything is sent. */
function fetchPage(req: PagerFetchRequest): Promise<PagerFetchResponse> {
  let target: URL;
  try {
    target = new URL(req.url, location.href);
  } catch {
    return Promise.resolve({ error: `not a URL: ${req.url}` });
  }
  if (target.origin !== location.origin) return Promise.resolve({ error: `another origin: ${target.origin}` });
  return new Promise(resolve => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', target.href);
    xhr.responseType = 'document';
    xhr.timeout = req.timeoutMs;
    xhr.onprogress = e => {
      if (e.loaded > req.maxBytes) {
        xhr.abort();
        resolve({ error: `larger than ${req.maxBytes} bytes` });
      }
    };
    xhr.onload = () => {
      const doc = xhr.response as Document | null;
      // A 404 page is an answer too: the follower stops on its status.
      resolve({ html: doc?.documentElement?.outerHTML ?? '', finalUrl: xhr.responseURL || target.href, status: xhr.status });
    };
    xhr.onerror = () => resolve({ error: 'network error' });
    xhr.ontimeout = () => resolve({ error: `no answer within ${req.timeoutMs / 1000} s` });
    xhr.send();
  });
}

if (!installedApi(PAGER_KEY)) installApi(PAGER_KEY, { detect, fetchPage } satisfies PagerApi);
