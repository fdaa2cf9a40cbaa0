// The least a page built on the required stack can ship: React mounting one element that an xstate actor drives
// through @xstate/react. No screen, no rules, no words. bench/stack-floor.ts builds it to measure that floor.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor, createMachine } from 'xstate';
import { useActorRef, useSelector } from '@xstate/react';

const machine = createMachine({ id: 'floor', initial: 'intro', states: { intro: { on: { START: 'question' } }, question: {} } });

function App() {
  const actor = useActorRef(machine);
  const state = useSelector(actor, (s) => String(s.value));
  return createElement('button', { type: 'button', onClick: () => actor.send({ type: 'START' }) }, state);
}

createRoot(document.body).render(createElement(App));
// The actor API the check's engine also uses outside React.
createActor(machine).start();
