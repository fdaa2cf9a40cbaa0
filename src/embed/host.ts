// backcheck-host.js: the few lines a clinic adds beside the iframe. It sizes each backcheck iframe to its content
// and re-dispatches the widget's events on the iframe element, as DOM CustomEvents the clinic's page can listen to.
// It trusts a message only if it comes from that iframe's window AND that iframe's origin AND has the right shape.
import { isWidgetMessage } from './messages.ts';

function backcheckFrames(): HTMLIFrameElement[] {
  return Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[data-backcheck]'));
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const frame = backcheckFrames().find((f) => f.contentWindow === event.source);
  if (!frame || event.origin !== new URL(frame.src, location.href).origin || !isWidgetMessage(event.data)) return;
  const { type, detail } = event.data;
  if (type === 'backcheck:resize') {
    // CSSOM, not a style attribute: allowed under a strict style-src.
    frame.style.height = `${Math.ceil(Number(detail.height))}px`;
    return;
  }
  frame.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
});
