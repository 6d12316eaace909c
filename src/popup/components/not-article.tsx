/**
 * A page that is no article (a home page, a list): a calm notice, not an error (nothing failed, and trying
 * again cannot help), and the way forward: read the part of the page the person selects or clicks into.
 */
import { useState } from 'preact/hooks';
import type { PopupApi } from '../api.ts';
import type { Reader } from '../use-reader.ts';

/** The notice (data-testid="no-article") and its "read the selected part" button (data-testid="pick-part"). */
export function NotArticle({ api, session }: { api: PopupApi; session: Pick<Reader, 'readPart'> }) {
  const { t } = api;
  const [why, setWhy] = useState<'nothing' | 'too-short' | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    setBusy(true);
    const got = await session.readPart();
    setBusy(false);
    setWhy(got === 'picked' ? null : got);
  };
  return (
    <section class="calm" data-testid="no-article" role="status">
      <h1 class="calm-title">{t('noArticleTitle')}</h1>
      <p>{t('noArticleHint')}</p>
      <button type="button" class="primary" data-testid="pick-part" disabled={busy} onClick={() => void pick()}>
        {t('pickPart')}
      </button>
      {why && (
        <p class="hint" data-testid="pick-nothing" data-why={why}>
          {t(why === 'nothing' ? 'pickNothing' : 'pickTooShort')}
        </p>
      )}
    </section>
  );
}
