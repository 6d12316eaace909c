/** The allocation-free measures (text/chars.ts squeezedLength and SENTENCE_END, text/walk.ts hasText, text/shape.ts measureUntilSentence) agree with the plain forms. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { countSentences, isSpaceCode, squeeze, squeezedLength } from '../../src/core/text/chars';
import { hasText, textChars, textCharsUpTo, textUpTo, visibleText } from '../../src/core/text/walk';
import { measure, measureUntilSentence } from '../../src/core/text/shape';

test('isSpaceCode is exactly what squeeze removes, for every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++) {
    const s = String.fromCharCode(c);
    if (isSpaceCode(c) !== (squeeze(s) === '')) assert.fail(`U+${c.toString(16)}`);
  }
  for (const s of ['', ' a\u3000b\u00a0c\n', '首页 ›\u2003资讯', 'x'.repeat(50)]) assert.equal(squeezedLength(s), squeeze(s).length);
});

test('sentence endings: the look-behind after the full stop finds what the one before it found', () => {
  const before = /[。！？!?；;]|(?<=\p{Ll}\p{Ll})\.(?=\s|$)/gu;
  const pool = ['a', 'b', 'Z', '.', ' ', '。', '!', ';', 'é', 'ß', '3', '\u{1d41a}', '\u{1d400}', '\ud835', '\udc1a', '\n', '…', 'U.S.'];
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 8) % n;
  };
  for (let i = 0; i < 30_000; i++) {
    let t = '';
    for (let k = rnd(16); k > 0; k--) t += pool[rnd(pool.length)];
    before.lastIndex = 0;
    assert.equal(countSentences(t), (t.match(before) ?? []).length, JSON.stringify(t));
  }
});

test('hasText, measureUntilSentence and the visible textUpTo agree with textContent, measure and squeeze', () => {
  const { document } = new JSDOM(`<div id="r">
    <p id="empty"> <img> <span>\u3000</span><!-- comment --></p>
    <p id="script"><script>x()</script></p>
    <div id="menu"><a href="/a">首页</a> | <a href="/b">资讯</a></div>
    <div id="prose"><a href="/c">Link</a> First sentence. Second one! <figure>img</figure> more text</div>
  </div>`).window;
  for (const el of document.querySelectorAll('#r, #r *')) {
    assert.equal(hasText(el), squeeze(el.textContent ?? '') !== '', el.id || el.localName);
    const [full, cut] = [measure([el]), measureUntilSentence(el)];
    assert.equal(cut.sentences > 0, full.sentences > 0);
    if (!full.sentences) assert.deepEqual(cut, full);
    for (const limit of [0, 3, 10, 40]) {
      const t = textUpTo(el, limit, true);
      const all = (function walk(n: Node): string {
        // the reference: visible text, squeezed
        if (n.nodeType === 3) return n.nodeValue ?? '';
        if (n.nodeType !== 1 || ['script', 'style', 'noscript', 'template'].includes((n as Element).localName)) return '';
        return [...n.childNodes].map(walk).join('');
      })(el);
      assert.equal(t === null, squeeze(all).length > limit);
      if (t !== null) assert.equal(t, all);
    }
  }
  assert.ok(measureUntilSentence(document.getElementById('prose')!).sentences > 0);
  assert.equal(measure([document.getElementById('prose')!]).media, true);
});

test('visibleText without recursion reads as the recursive one did', () => {
  const skipped = new Set(['script', 'style', 'noscript', 'template']);
  const recursive = (node: Node): string => {
    if (node.nodeType === 3) return node.nodeValue ?? '';
    if (node.nodeType !== 1 && node.nodeType !== 11) return '';
    if (node.nodeType === 1 && skipped.has((node as Element).localName)) return '';
    let out = '';
    for (let c = node.firstChild; c; c = c.nextSibling) out += recursive(c) + (c.nodeType === 1 ? ' ' : '');
    return out;
  };
  const { document } = new JSDOM(
    `<div id="r">a<b>b<i>c</i></b><!--x--><script>s()</script>d<p> e <br>f</p><template>t</template><svg><text>g</text></svg></div>`,
  ).window;
  for (const el of [document.body, ...document.querySelectorAll('*'), ...document.getElementById('r')!.childNodes])
    assert.equal(visibleText(el), recursive(el));
  const frag = document.createDocumentFragment();
  frag.append('x', document.createElement('span'), 'y');
  assert.equal(visibleText(frag), recursive(frag));
  let deep = document.createElement('div');
  for (let i = 0; i < 3_000; i++) {
    const d = document.createElement('div');
    d.append(deep, 'z');
    deep = d;
  }
  assert.equal(squeeze(visibleText(deep)).length, 3_000);
});

test('textCharsUpTo is textChars up to its limit and above the limit past it (scripts, styles, CDATA counted as textContent does)', () => {
  const { document } = new JSDOM(`<body><div id="r"><p>一段 正文，<b>加粗</b>\u3000和 <a href="#">link text</a></p>
    <script>var x = "inline script";</script><style>p { color: red }</style><!-- a comment -->
    <template>模板里的字不算</template><ul><li>one</li><li> two </li></ul><svg><text>svg 文字</text></svg></div></body>`).window;
  const xml = new JSDOM('<r><a>xy</a></r>', { contentType: 'application/xml' }).window.document;
  xml.documentElement.firstChild!.appendChild(xml.createCDATASection(' cdata 段 '));
  const els = [...document.querySelectorAll('*'), xml.documentElement, ...xml.documentElement.querySelectorAll('*')];
  let exact = 0,
    above = 0;
  for (const el of els) {
    const full = textChars(el);
    for (const limit of [0, 1, 3, full - 1, full, full + 1, 1000]) {
      if (limit < 0) continue;
      const got = textCharsUpTo(el, limit);
      if (full <= limit) {
        assert.equal(got, full, `${el.localName} limit ${limit}`);
        exact++;
      } else {
        assert.ok(got > limit && got <= full, `${el.localName} limit ${limit}: ${got} of ${full}`);
        above++;
      }
    }
  }
  assert.ok(exact > 20 && above > 20, `both answers are exercised (${exact}, ${above})`);
});
