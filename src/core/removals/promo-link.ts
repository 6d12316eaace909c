/**
 * A lone promo link at the article's top or foot: a block that is one short link and nothing else, off to
 * another page, asking the reader to register, download, text a number or subscribe ("发送GP到6666 随时随地查行情",
 * "立刻注册新浪免费邮箱，激活1G空间"; zh-cwce 33a95b71, e3f3b532). Position and shape decide (the first or last
 * block, all of it one link, short, no sentence); the words only confirm, since a one-link line at the foot may
 * be the article's own ("来源：<a>新华网</a>" has text outside the link; a link to the report's PDF is the article's
 * document).
 */
import { hasSentence, squeeze } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { leafBlocks } from './leaf-blocks';

/** Words of a promotion: register, download, text a number, a mailbox, an app, subscribe (Simplified, Traditional, English). */
const PROMO =
  /注册|註冊|下载|下載|发送|發送|短信|简讯|簡訊|邮箱|郵箱|订阅|訂閱|客户端|客戶端|\bapp\b|\bsubscribe\b|\bsign up\b|\bdownload\b|\bregister\b|\bnewsletter\b/iu;
/** A link to a file is the article's document ("下载报告全文"), not a promotion. */
const FILE = /\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|txt|csv)(?:[?#].*)?$/i;

/** Whether a link goes to another page than `pageUrl` (an anchor or the page itself is no promotion). */
function elsewhere(href: string, pageUrl: string): boolean {
  if (/^\s*(?:#|javascript:)/i.test(href)) return false;
  try {
    const to = new URL(href, pageUrl),
      here = new URL(pageUrl);
    return to.host !== here.host || to.pathname !== here.pathname;
  } catch {
    return false;
  }
}

/** The block, when it is a lone promo link (see the file's comment). */
function promoLink(el: Element, pageUrl: string): boolean {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const n = squeeze(text).length;
  const latin = !/[\p{Script=Han}]/u.test(text);
  if (!n || n > (latin ? THRESHOLDS.promoLinkLatinChars : THRESHOLDS.promoLinkChars) || hasSentence(text, { clauses: false })) return false;
  const links = el.querySelectorAll('a[href]');
  if (links.length !== 1 || el.querySelector('img, picture, video')) return false;
  const a = links[0]!;
  if (squeeze(a.textContent ?? '').length !== n) return false; // all of the block is the link
  const href = a.getAttribute('href') ?? '';
  return !FILE.test(href) && elsewhere(href, pageUrl) && PROMO.test(text);
}

/** The lone promo links at root's first and last block (at most one each). */
export function findPromoLinks(root: Element, pageUrl: string): Element[] {
  const blocks = leafBlocks(root);
  if (blocks.length < 3) return []; // never the article itself
  return [blocks[0]!, blocks[blocks.length - 1]!].filter(el => promoLink(el, pageUrl));
}
