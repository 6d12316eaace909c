/**
 * The voices offered for an article (issue 19: "the voice list filtered to the article's language (zh-CN,
 * zh-TW, zh-HK, en)"): those of its language, best first. Engines name languages differently ("zh-CN",
 * "zh_CN" on Android, "cmn-Hans-CN", "yue-HK", "zh-Hant-TW"), so each tag is read for its language and region.
 * For Chinese the fallbacks follow what is spoken: a zh-TW article is Mandarin, so a mainland Mandarin voice
 * comes before a Hong Kong one (Cantonese); a zh-HK article prefers Cantonese, then Mandarin.
 */

/** What the controller needs of a SpeechSynthesisVoice. */
export interface VoiceLike {
  name: string;
  lang: string;
  voiceURI: string;
  localService?: boolean;
  default?: boolean;
}

/** A language tag read as language and region: "cmn-Hans-CN" → zh/cn, "yue-HK" → zh/hk, "zh-Hant" → zh/tw. */
export function readTag(tag: string | null | undefined): { lang: string; region: string | null } | null {
  const parts = (tag ?? '').trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  let lang = parts[0];
  if (!lang || !/^[a-z]{2,3}$/.test(lang)) return null;
  let region = parts.slice(1).find(p => /^(?:[a-z]{2}|\d{3})$/.test(p)) ?? null;
  const script = parts.slice(1).find(p => /^[a-z]{4}$/.test(p));
  if (lang === 'cmn') lang = 'zh';
  if (lang === 'yue') {
    lang = 'zh';
    region ??= 'hk';
  }
  if (lang === 'zh' && !region && script === 'hant') region = 'tw';
  if (lang === 'zh' && !region && script === 'hans') region = 'cn';
  return { lang, region };
}

/** How well a voice's region serves an article's (higher is better; 0: not offered). */
function regionScore(article: string | null, voice: string | null, lang: string): number {
  if (lang !== 'zh') return !article || article === voice ? 3 : 2;
  const mandarinMainland = (r: string | null) => r === 'cn' || r === 'sg' || r === 'my' || r === null;
  const order: ((r: string | null) => boolean)[] =
    article === 'hk' || article === 'mo'
      ? [r => r === 'hk' || r === 'mo', r => r === 'tw', mandarinMainland]
      : article === 'tw'
        ? [r => r === 'tw', mandarinMainland, r => r === 'hk' || r === 'mo']
        : [mandarinMainland, r => r === 'tw', r => r === 'hk' || r === 'mo'];
  const i = order.findIndex(f => f(voice));
  return i < 0 ? 1 : 3 - i;
}

/** The voices that can read an article in `lang`, best first (local voices before network ones at equal fit). */
export function voicesFor(lang: string | null, voices: readonly VoiceLike[]): VoiceLike[] {
  const want = readTag(lang);
  if (!want) return [];
  const scored = voices.map(v => {
    const t = readTag(v.lang);
    const score =
      t && t.lang === want.lang ? regionScore(want.region, t.region, want.lang) + (v.localService ? 0.5 : 0) + (v.default ? 0.1 : 0) : 0;
    return { v, score };
  });
  return scored
    .filter(x => x.score > 0)
    .sort((a, b) => b.score - a.score || a.v.name.localeCompare(b.v.name))
    .map(x => x.v);
}
