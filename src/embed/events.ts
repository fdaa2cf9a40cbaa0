// What the clinic's page receives: the check's host events (src/ui/host-events.ts) turned into the documented
// `backcheck:*` event names and detail shapes, the same for the custom element (DOM CustomEvents) and the iframe
// (postMessage). This is the one place that decides whether answers leave the widget: only with `share-answers`.
import type { QuestionnaireResponse } from 'fhir/r4';
import type { Answers } from '../engine/answers.ts';
import type { CheckEvent } from '../ui/host-events.ts';

import type { BackcheckEventDetails, CompleteDetail } from './event-types.ts';

// The public shapes (event-types.ts, exported by the npm package). Building them from the check's own events below
// fails to compile when the two drift apart.
export type { BookDetail, CompleteDetail, StartDetail, StepDetail } from './event-types.ts';
export type WidgetEventMap = BackcheckEventDetails;
export type WidgetEvent = { [K in keyof WidgetEventMap]: { type: K; detail: WidgetEventMap[K] } }[keyof WidgetEventMap];

/** The answers as shared with the host; loaded lazily (it needs the rules and the FHIR mapping). */
export type ShareAnswers = (answers: Answers) => { answers: Answers; questionnaireResponse: QuestionnaireResponse };

/**
 * The host-facing event for a check event. Answers are copied only when `share` is given (the host opted in);
 * otherwise they are dropped here, whatever the check reported.
 */
export function toWidgetEvent(event: CheckEvent, share: ShareAnswers | null): WidgetEvent {
  switch (event.type) {
    case 'start':
      return { type: 'backcheck:start', detail: {} };
    case 'step':
      return { type: 'backcheck:step', detail: { section: event.section, screen: event.screen, stepNumber: event.stepNumber } };
    case 'book':
      return { type: 'backcheck:book', detail: { via: event.via } };
    case 'complete': {
      const detail: CompleteDetail = {
        urgency: event.urgency,
        causes: event.causes.map((c) => ({ id: c.id, likelihood: c.likelihood })),
        redFlags: [...event.redFlags],
        rulesId: event.rulesId,
        rulesVersion: event.rulesVersion,
        rulesSignedOff: event.rulesSignedOff,
      };
      if (share && event.answers) Object.assign(detail, share(event.answers));
      return { type: 'backcheck:complete', detail };
    }
  }
}

/**
 * Turns check events into host events, in order, and hands each to `deliver`. With `share-answers` the sharing
 * code is loaded at once (not when the check completes), so completing makes no network request.
 */
export function widgetEventSender(
  shareAnswers: boolean,
  loadShare: () => Promise<ShareAnswers>,
  deliver: (event: WidgetEvent) => void,
): (event: CheckEvent) => void {
  const share: Promise<ShareAnswers | null> = shareAnswers
    ? loadShare().catch((error: unknown) => {
        console.error('backcheck: could not load the answer sharing code; results are sent without answers', error);
        return null;
      })
    : Promise.resolve(null);
  let queue: Promise<unknown> = Promise.resolve();
  return (event) => {
    // A chain, so a `complete` waiting for the sharing code is never overtaken by a later event.
    queue = queue
      .then(async () => deliver(toWidgetEvent(event, await share)))
      .catch((error: unknown) => console.error('backcheck: could not send an event to the page', error));
  };
}
