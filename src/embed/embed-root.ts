// The element every embedded check renders into (in the shadow root, or the iframe page's body). `data-theme` on it
// is 'light' | 'dark' | 'auto'; embed-css.ts and widget.css select on both.
export const EMBED_ROOT_CLASS = 'backcheck-embed';
