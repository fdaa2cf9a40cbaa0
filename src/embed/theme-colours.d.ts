// Served by embedCssPlugin (src/embed/embed-css.ts) from src/styles/backcheck.css at build time.
declare module 'virtual:backcheck-theme-colours' {
  import type { ThemeColours } from './brand-colours.ts';

  const colours: ThemeColours;
  export default colours;
}
