// The npm package's entry (`import 'backcheck'` in a clinic's bundled site): defines <backcheck-widget> exactly as
// the CDN's backcheck.js does, and exports the element class and the event types for TypeScript.
import './backcheck.ts';

export { BackcheckWidget, defineBackcheckWidget, ELEMENT_NAME } from './element.tsx';
export type * from './event-types.ts';
