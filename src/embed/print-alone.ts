// Printing from inside an embedded widget would print the whole clinic page. For the length of the print, a
// stylesheet on the host document hides everything that neither is nor contains this widget, so the result prints
// alone (the widget's own print rules then apply inside its shadow root). Added through the CSSOM, which a strict
// style-src allows, and removed after printing.
const PRINTING = 'data-backcheck-printing';

const PRINT_ALONE_CSS = `@media print {
  body *:not(:has([${PRINTING}])):not([${PRINTING}]) { display: none !important; }
}`;

export function printAlone(widget: HTMLElement): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PRINT_ALONE_CSS);
  widget.setAttribute(PRINTING, '');
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const cleanUp = () => {
    widget.removeAttribute(PRINTING);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
  window.addEventListener('afterprint', cleanUp, { once: true });
  window.print();
}
