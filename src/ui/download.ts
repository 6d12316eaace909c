/** A download from an extension page through a Blob URL and <a download>: no `downloads` permission needed. */

/** Downloads through a Blob URL and <a download>: no `downloads` permission needed. */
export function download(fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; revoke late because the popup may close first anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
