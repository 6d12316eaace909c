/**
 * Remove-blocks mode as one chunk, loaded when the person turns it on (not before the popup's first paint):
 * the article with its blocks to pick and the sticky bar to save them as a rule.
 */
import type { Article } from '../../core/types.ts';
import type { Translate } from '../api.ts';
import { useEdit, type EditContext } from '../use-edit.ts';
import { EditableArticle } from './editable-article.tsx';
import { EditPanel } from './edit-panel.tsx';

/** Props of {@link EditMode}: the edit context, and how the article shows. */
export interface EditModeProps extends EditContext {
  article: Article;
  remoteImages: boolean;
  t: Translate;
}

/** The editable article and its bar; until the marked read arrives, the plain article. */
export function EditMode({ article, remoteImages, t, ...ctx }: EditModeProps) {
  const edit = useEdit(ctx);
  return (
    <>
      {ctx.markedHtml !== null ? (
        <EditableArticle
          html={edit.html}
          lang={article.lang}
          label={t('articleLabel')}
          onRemove={edit.remove}
          remoteImages={remoteImages}
          t={t}
        />
      ) : (
        <div class="article-wait" aria-busy="true" />
      )}
      <EditPanel edit={edit} t={t} />
    </>
  );
}
