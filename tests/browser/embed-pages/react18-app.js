// The clinic's own React 18 app (UMD globals), rendered beside the widget's React 19.
const { createElement: h, useState } = window.React;
function Counter() {
  const [count, setCount] = useState(0);
  return h('p', null, h('button', { type: 'button', onClick: () => setCount(count + 1) }, `Clinic app clicks: ${count}`));
}
window.ReactDOM.createRoot(document.getElementById('clinic-app')).render(h(Counter));
