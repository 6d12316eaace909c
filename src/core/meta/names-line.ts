/**
 * A line that is only a person's names: the byline a portal prints under (or over) the headline with no label
 * ("胡平", "赵延东、风笑天", "（袁源）", "By Jane Doe"; zh-cwce 5dc3fa2d, caee0a34, fddcb19c, 05e98007, 77fa9435,
 * 4fa9dfe4). Read only next to a headline: alone, two Han characters are as often a section heading ("推力",
 * 455de1c0) as a name.
 */
import { squeeze } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';

/**
 * One to four Han names, separated by 、，or spaces, maybe bracketed: a name is 2–3 characters (a surname and a
 * given name; "会议议程", "博客标题" are 4-character words: zh-cwce 2168485b, 59562291), or a transliterated name
 * with a middle dot ("马克·吐温"; "纯棉时代·感动书系简介", a book series, is too long a part: zh-cwce c3a80850).
 */
const NAME = '(?:\\p{Script=Han}{2,3}|\\p{Script=Han}{1,4}·\\p{Script=Han}{1,5})';
const HAN_NAMES = new RegExp(`^[（(]?\\s*(${NAME}(?:\\s*[、，,\\s]\\s*${NAME}){0,3})\\s*[)）]?$`, 'u');
/** "By Jane Doe", "By Margaret O'Neill and Tom Hale": the "By" is what tells a byline from a Title Case subheading. */
const LATIN_NAMES =
  /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,2}(?:\s*(?:,|and|&)\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,2})?)$/u;
/**
 * Words that head a section and are as short as a name: an editor's note, a preface, an abstract. Words second:
 * the shape (a short Han line) is the signal, these only exclude.
 */
const SECTION_WORDS =
  /^(?:编者按|編者按|编者的话|編者的話|按语|按語|前言|引言|序言|导读|導讀|导语|導語|摘要|提要|简介|簡介|附录|附錄|结语|結語|后记|後記|注释|註釋|参考文献|參考文獻|背景|引子|楔子|题记|題記|概述|综述|綜述|总结|總結|结论|結論|目录|目錄|附注|附註)$/u;

/** The names a line holds when it is only names (brackets and "By" left out), else null. */
export function namesOnly(line: string, el?: Element): string | null {
  const t = line.replace(/\s+/g, ' ').trim();
  if (!t || (el && /^h[1-6]$/.test(el.localName))) return null; // a heading is a section's name, not a person's
  const han = t.match(HAN_NAMES);
  if (han) {
    const names = han[1]!.trim();
    if (squeeze(names).length > THRESHOLDS.namesLineChars || SECTION_WORDS.test(squeeze(names))) return null;
    return names;
  }
  const latin = t.match(LATIN_NAMES);
  return latin && t.length <= THRESHOLDS.latinNamesLineChars ? t : null;
}
