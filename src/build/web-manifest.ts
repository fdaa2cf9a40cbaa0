// The standalone app's web manifest (manifest.webmanifest), which makes it installable: its name, its icons (files of
// its own, in public/icons/), and addresses relative to the manifest, so a release folder installs from any path.
// Only index.html links it; the iframe page and the custom element never do.

export const MANIFEST_FILE = 'manifest.webmanifest';

export interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: 'any' | 'maskable';
}

export interface WebManifest {
  name: string;
  short_name: string;
  description: string;
  lang: string;
  start_url: string;
  scope: string;
  display: 'standalone';
  background_color: string;
  theme_color: string;
  icons: ManifestIcon[];
}

/** The icons, in public/icons/: drawn for this app (icon.svg), the PNGs rendered from it. */
export const ICONS: readonly ManifestIcon[] = [
  { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  // Full-bleed, the mark inside the middle 80%, for launchers that cut icons to their own shape.
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];

export function webManifest(): WebManifest {
  return {
    name: 'Back pain after a workout: self-check',
    short_name: 'Back check',
    description: 'A short self-check for lower back pain after a workout: warning signs first, likely causes, and when to see a professional.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    // The page's light background and its accent (src/styles/backcheck.css).
    background_color: '#ffffff',
    theme_color: '#0b5cad',
    icons: [...ICONS],
  };
}
