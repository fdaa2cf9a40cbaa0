// The clinic's own page script (demo): collects what the widget reports, as a clinic's analytics or booking form
// would, and shows it on the page. The browser tests read window.backcheckEvents.
const EVENT_TYPES = ['backcheck:start', 'backcheck:step', 'backcheck:complete', 'backcheck:book'];
window.backcheckEvents = [];
window.cspViolations = [];

document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
});

for (const type of EVENT_TYPES) {
  document.addEventListener(type, (event) => {
    const source = event.target instanceof Element ? event.target.id || event.target.tagName.toLowerCase() : '?';
    window.backcheckEvents.push({ type: event.type, source, detail: event.detail });
    const log = document.getElementById('event-log');
    if (log) {
      const line = document.createElement('li');
      // textContent, never innerHTML: the detail is data, not markup.
      line.textContent = `${event.type} from ${source}: ${JSON.stringify(event.detail).slice(0, 200)}`;
      log.append(line);
    }
  });
}
