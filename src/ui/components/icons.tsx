/**
 * The toolbar's icons: small stroke drawings in currentColor on a 20×20 grid, inline (no icon font, no remote
 * asset: the extension pages' CSP loads nothing from outside). Each is decorative (aria-hidden): the button
 * around it carries the accessible name.
 */
import type { ComponentChildren } from 'preact';

/** One icon's frame: a 20×20 SVG, stroked in the text colour. */
function Icon({ children }: { children: ComponentChildren }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 20 20"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

/** Two sheets: copy the text. */
export const CopyIcon = () => (
  <Icon>
    <rect x="7" y="7" width="9.5" height="10" rx="1.5" />
    <path d="M13 4.5V4a1.5 1.5 0 0 0-1.5-1.5h-7A1.5 1.5 0 0 0 3 4v8.5A1.5 1.5 0 0 0 4.5 14H5" />
  </Icon>
);

/** An arrow into a tray: download as a file. */
export const DownloadIcon = () => (
  <Icon>
    <path d="M10 3v9.5M6 8.5l4 4 4-4M3.5 13.5v2A1.5 1.5 0 0 0 5 17h10a1.5 1.5 0 0 0 1.5-1.5v-2" />
  </Icon>
);

/** An open book: the reader tab. */
export const ReaderIcon = () => (
  <Icon>
    <path d="M10 5.5C8.5 4.2 6 3.8 3 4v11c3-.2 5.5.2 7 1.5 1.5-1.3 4-1.7 7-1.5V4c-3-.2-5.5.2-7 1.5zM10 5.5v11" />
  </Icon>
);

/** A large and a small letter A: the reading settings (text size, type, theme). */
export const TypeIcon = () => (
  <Icon>
    <path d="M2.5 15.5 7 4.5l4.5 11M4.3 11.5h5.4M12.5 15.5l2.7-6.5 2.7 6.5M13.5 13.3h3.4" />
  </Icon>
);

/** Scissors: remove blocks. */
export const CutIcon = () => (
  <Icon>
    <circle cx="5.5" cy="14.5" r="2.3" />
    <circle cx="14.5" cy="14.5" r="2.3" />
    <path d="M7.2 12.8 15.5 3M12.8 12.8 4.5 3" />
  </Icon>
);

/** A small chevron pointing down: a disclosure or a menu. */
export const ChevronIcon = () => (
  <svg
    class="chevron"
    viewBox="0 0 12 12"
    width="10"
    height="10"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="1.6"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    <path d="M3 4.5 6 7.5l3-3" />
  </svg>
);

/** A curved arrow back: undo. */
export const UndoIcon = () => (
  <Icon>
    <path d="M7 5 3.5 8.5 7 12M3.5 8.5H12a4.5 4.5 0 0 1 0 9h-2" />
  </Icon>
);

/** A check mark: done. */
export const DoneIcon = () => (
  <Icon>
    <path d="m4 10.5 4 4 8-9" />
  </Icon>
);
