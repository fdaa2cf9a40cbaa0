// The `font` option's safe list: a name a clinic may give, and the font stack it stands for. Only these fixed stacks
// ever reach the CSS (never the clinic's own text), and every font is one the device already has: the widget loads
// no font from anywhere.
export const FONT_STACKS: Readonly<Record<string, string>> = {
  // The device's own interface fonts ("inherit-like": what the person's other apps use).
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  'system-ui': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  'ui-sans-serif': "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
  'ui-serif': "ui-serif, Georgia, 'Times New Roman', serif",
  'ui-rounded': "ui-rounded, 'SF Pro Rounded', 'Arial Rounded MT Bold', system-ui, sans-serif",
  'sans-serif': "'Helvetica Neue', Helvetica, Arial, sans-serif",
  serif: "Georgia, 'Times New Roman', Times, serif",
  // Common fonts installed on most devices, each with fallbacks of the same kind.
  arial: "Arial, 'Helvetica Neue', Helvetica, sans-serif",
  helvetica: "'Helvetica Neue', Helvetica, Arial, sans-serif",
  verdana: 'Verdana, Geneva, Tahoma, sans-serif',
  tahoma: 'Tahoma, Verdana, Geneva, sans-serif',
  'trebuchet ms': "'Trebuchet MS', 'Lucida Grande', 'Lucida Sans Unicode', sans-serif",
  'segoe ui': "'Segoe UI', system-ui, -apple-system, Roboto, Arial, sans-serif",
  roboto: "Roboto, system-ui, -apple-system, 'Segoe UI', Arial, sans-serif",
  georgia: "Georgia, 'Times New Roman', Times, serif",
  'times new roman': "'Times New Roman', Times, Georgia, serif",
  palatino: "Palatino, 'Palatino Linotype', 'Book Antiqua', Georgia, serif",
};

/** The custom element only: the clinic page's own font (the iframe is another document and cannot see it). */
export const INHERIT_FONT = 'inherit';
