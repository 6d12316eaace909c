/**
 * Issue 19's multi-page merge, written once against the {@link Driver} and run in Chromium
 * (test/e2e/multi-page.test.ts) and Firefox (test/firefox/multi-page.test.ts) on the project's paginated
 * sites (test/e2e/pages/paged, servePaged): the held-out three-page article after one click (every paragraph
 * in order, nothing of 下一篇, no pager, the merged status, the live page unchanged, the same text as
 * `jingyue clean URL --pages 5`), and the stops (a loop, a 404 page 2, a comment pager, a listing).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { servePaged } from '../../helpers/paged-sites.ts';
import { msg } from '../../helpers/locale.ts';
import { poll } from '../../helpers/poll.ts';
import { useBrowser } from '../suite.ts';
import { startDriver, type BrowserName, type Driver, type Tab } from '../driver.ts';
import { articleText, statusText, type View } from '../popup.ts';
import type { StaticServer } from '../static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.jingyue);
/** The CLI, without blocking this process (the test server answers from it). */
const cli = (args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>(resolve => {
    execFile('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8' }, (e, stdout, stderr) =>
      resolve({ status: e ? Number(e.code) || 1 : 0, stdout, stderr }),
    );
  });
/** Non-empty lines, whitespace squeezed. */
const lines = (s: string) =>
  s
    .split('\n')
    .map(l => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
/** The popup article's text by block (innerText keeps one line per block). */
const articleLines = (view: View) =>
  view.evaluate(w => (w.document.querySelector('[data-testid=article]') as HTMLElement).innerText).then(lines);
/** The paged sites as a StaticServer (their URLs are /paged/<site>/<page>). */
const serve = async (): Promise<StaticServer> => {
  const s = await servePaged();
  return { origin: s.origin, url: p => s.origin + p, close: s.close };
};

const HELDOUT = ['清晨四点', '三分之一', 'PAGE2', '线上订单多了', '退款', 'PAGE3', '市场的改造', '新的一天又开始了'];

/** Registers the journeys against a fresh `browser` started for this file. */
export function runMultiPage(browser: BrowserName): void {
  const s = useBrowser<Driver>(server => startDriver(browser, server), { serve });
  const d = () => s.b;
  const t = (key: string, ...subs: (string | number)[]) => msg(d().locale, key, ...subs);
  const url = (rel: string) => d().server.url(`/paged/${rel}`);

  /** Clicks the toolbar button on `rel` and waits until the status says `until`. */
  async function popupOn(
    rel: string,
    until: (status: string) => boolean,
  ): Promise<{ tab: Tab; view: View; status: string; before: string }> {
    const tab = await d().newTab(url(rel));
    const before = await tab.html();
    const { view } = await d().open(tab);
    const status = await poll(
      `the merge's end on ${rel}`,
      async () => {
        const st = await statusText(view);
        return until(st) ? st : null;
      },
      20_000,
    );
    return { tab, view, status, before };
  }

  test('the held-out three-page article after one click: every paragraph in order, no 下一篇, no pager, "merged 3 pages"; the page unchanged; the CLI gives the same text', async () => {
    const { tab, view, status, before } = await popupOn('heldout/n4410.html', st => st === t('mergeDone', 3));
    assert.equal(status, t('mergeDone', 3));
    const text = await articleText(view);
    const order = HELDOUT.map(x => (x === 'PAGE2' ? '第 2 页' : x === 'PAGE3' ? '第 3 页' : x)).map(x => text.indexOf(x));
    assert.ok(
      order.every((x, i) => x >= 0 && (i === 0 || order[i - 1]! < x)),
      `in order: ${order.join(',')}`,
    );
    for (const gone of ['下一篇', '上一篇', '暑期托管班', '下一页', '上一页', '共3页', '读者留言', '热点推荐'])
      assert.ok(!text.includes(gone), gone);
    assert.ok(text.split('凌晨四点的城西菜市场').length - 1 <= 1, 'the headline every page prints: once at most');
    assert.equal(await tab.html(), before, 'the live page is never modified');
    const r = await cli(['clean', url('heldout/n4410.html'), '--pages', '5', '--format', 'text']);
    assert.equal(r.status, 0, r.stderr);
    const popup = await articleLines(view);
    const fromCli = lines(r.stdout);
    assert.deepEqual(fromCli.slice(fromCli.indexOf(popup[0]!)), popup, "the CLI's text after its header is the popup's article");
    await d().closePopup();
    await tab.close();
  });

  test('the merge stops where it must: a loop at the page already seen, a 404 page 2 (page 1 kept, said), a comment pager and a listing never followed', async () => {
    const loop = await popupOn('loop/spring.html', st => st === t('mergeDone', 3));
    assert.equal((await articleText(loop.view)).split('旧书店开在巷子最深处').length, 2, 'page 1 once');
    await loop.tab.close();
    const broken = await popupOn('broken/b77.html', st => st === t('mergeStoppedHttp', 2, 404, 1));
    assert.ok((await articleText(broken.view)).includes('市气象台今天上午发布暴雨黄色预警'));
    await broken.tab.close();
    for (const rel of ['comments/c310.html', 'list/index.html']) {
      const tab = await d().newTab(url(rel));
      const { view } = await d().open(tab);
      // pager.js answered: the article says whether there was a pager of the article's own.
      const pager = await poll(
        `pager detection on ${rel}`,
        () => view.evaluate(w => (w.document.querySelector('[data-testid=article]') as HTMLElement | null)?.dataset.pager ?? null),
        10_000,
      );
      assert.equal(pager, 'none', rel);
      assert.doesNotMatch(await statusText(view), new RegExp(t('mergeDone', 1).replace(/\d/, '\\d')), rel);
      assert.equal(
        await view.evaluate(w => w.document.querySelector('[data-testid=merge-toggle]')),
        null,
        `${rel}: no merge switch without a pager`,
      );
      await d().closePopup();
      await tab.close();
    }
  });
}
