/** The clean article itself, rendered from HTML the popup sanitized when it arrived (src/popup/session.ts). */
import { useMemo } from 'preact/hooks';
import type { Translate } from '../api.ts';
import { imagePlaceholder, withoutRemoteImages } from '../remote-images.ts';

/** Props of {@link ArticleBody}. */
export interface ArticleBodyProps {
  html: string;
  lang: string | null;
  label: string;
  /** "Load images from the web" (settings.reader.remoteImages); when false, remote images become placeholders (`t` words them). */
  remoteImages?: boolean;
  t?: Translate;
  /** The multi-page merge (issue 19), as data-pager="none|found" and data-pages: null while the page is looked at. */
  pager?: 'none' | { pages: number } | null;
}

/** The HTML as shown: remote images replaced by placeholders unless the person lets them load (src/ui/remote-images.ts). */
export function useShownHtml(html: string, remoteImages: boolean, t: Translate | undefined): string {
  return useMemo(() => (remoteImages || !t ? html : withoutRemoteImages(html, window, imagePlaceholder(t))), [html, remoteImages, t]);
}

/** The article region; `html` must come from the finishing half (src/core/pipeline/finish.ts: sanitized, links open in new tabs). */
export function ArticleBody({ html, lang, label, remoteImages = true, t, pager = null }: ArticleBodyProps) {
  const shown = useShownHtml(html, remoteImages, t);
  return (
    <article
      class="article"
      data-testid="article"
      aria-label={label}
      lang={lang ?? undefined}
      data-pager={pager === null ? undefined : pager === 'none' ? 'none' : 'found'}
      data-pages={pager && pager !== 'none' ? pager.pages : undefined}
      // Safe: sanitized by DOMPurify in this document on arrival (src/popup/session.ts → core/pipeline/finish.ts), and the MV3 CSP forbids inline script.
      dangerouslySetInnerHTML={{ __html: shown }}
    />
  );
}
