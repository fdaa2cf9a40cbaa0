// What the clinic's page receives: the check's host events (src/ui/host-events.ts) turned into the documented
// `backcheck:*` event names and detail shapes, the same for the custom element (DOM CustomEvents) and the iframe
// (postMessage). This is the one place that decides whether answers leave the widget: only with `share-answers`.
import type { QuestionnaireResponse } from 'fhir/r4';
import type { Answers } from '../engine/answers.ts';
import type { QuestionnaireForm } from '../fhir/questionnaire.ts';
import type { Urgency } from '../rules/schema.ts';
import type { Locale } from '../rules/text.ts';
import type { CheckEvent } from '../ui/host-events.ts';
import { randomId } from '../fhir/response-id.ts';

import type { BackcheckEventDetails, CheckContext, CompleteDetail, FollowUpCompleteDetail } from './event-types.ts';

// The public shapes (event-types.ts, exported by the npm package). Building them from the check's own events below
// fails to compile when the two drift apart.
export type {
  BookDetail,
  CompleteDetail,
  FollowUpAcceptedDetail,
  FollowUpCompleteDetail,
  FollowUpOfferedDetail,
  StartDetail,
  StepDetail,
} from './event-types.ts';
export type WidgetEventMap = BackcheckEventDetails;
export type WidgetEvent = { [K in keyof WidgetEventMap]: { type: K; detail: WidgetEventMap[K] } }[keyof WidgetEventMap];

/** The response the shared answers make: the questionnaire answered, its random id, and the earlier one it follows. */
export interface ResponseLink {
  form: QuestionnaireForm;
  id?: string | undefined;
  followUpOf?: string | undefined;
}

/** The answers as shared with the host; loaded lazily (it needs the rules and the FHIR mapping). */
export type ShareAnswers = (answers: Answers, link: ResponseLink) => { answers: Answers; questionnaireResponse: QuestionnaireResponse };

/** What the sender knows about the check in progress, added to every event. */
export interface CheckState extends CheckContext {
  /** The urgency of the last result shown: a `book` event comes from its page. */
  urgency: Urgency;
}

/**
 * The host-facing event for a check event. Answers are copied only when `share` is given (the host opted in);
 * otherwise they are dropped here, whatever the check reported.
 */
export function toWidgetEvent(event: CheckEvent, share: ShareAnswers | null, state: CheckState): WidgetEvent {
  const context: CheckContext = { checkId: state.checkId, locale: state.locale };
  switch (event.type) {
    case 'start':
      return { type: 'backcheck:start', detail: context };
    case 'step':
      return { type: 'backcheck:step', detail: { ...context, section: event.section, screen: event.screen, stepNumber: event.stepNumber } };
    case 'book':
      return { type: 'backcheck:book', detail: { ...context, via: event.via, urgency: state.urgency } };
    case 'complete': {
      const detail: CompleteDetail = {
        ...context,
        urgency: event.urgency,
        causes: event.causes.map((c) => ({ id: c.id, likelihood: c.likelihood })),
        redFlags: [...event.redFlags],
        rulesId: event.rulesId,
        rulesVersion: event.rulesVersion,
        rulesSignedOff: event.rulesSignedOff,
      };
      if (share && event.answers) Object.assign(detail, share(event.answers, { form: 'check', id: event.responseId }));
      return { type: 'backcheck:complete', detail };
    }
    case 'followup-offered':
    case 'followup-accepted':
      return { type: `backcheck:${event.type}`, detail: { ...context, urgency: event.urgency, afterDays: event.afterDays } };
    // The comparison's outcome; with `share-answers` also the follow-up's answers, its response pointing at the
    // earlier one.
    case 'followup-complete': {
      const detail: FollowUpCompleteDetail = {
        ...context,
        urgency: event.urgency,
        outcome: event.outcome,
        daysSince: event.daysSince,
        rulesId: event.rulesId,
        rulesVersion: event.rulesVersion,
      };
      if (share && event.answers) {
        Object.assign(detail, share(event.answers, { form: 'follow-up', id: event.responseId, followUpOf: event.followUpOf }));
      }
      return { type: 'backcheck:followup-complete', detail };
    }
  }
}

/** A random id for one check: a random UUID, made as a shared response's id is (src/fhir/response-id.ts). */
export const newCheckId: () => string = randomId;

/**
 * Turns check events into host events, in order, and hands each to `deliver`, each with the check's id (a new one at
 * every Start) and its language at that moment (`locale`). With `share-answers` the sharing code is loaded at once
 * (not when the check completes), so completing makes no network request.
 */
export function widgetEventSender(
  shareAnswers: boolean,
  loadShare: () => Promise<ShareAnswers>,
  deliver: (event: WidgetEvent) => void,
  locale: () => Locale,
): (event: CheckEvent) => void {
  const share: Promise<ShareAnswers | null> = shareAnswers
    ? loadShare().catch((error: unknown) => {
        console.error('backcheck: could not load the answer sharing code; results are sent without answers', error);
        return null;
      })
    : Promise.resolve(null);
  let queue: Promise<unknown> = Promise.resolve();
  // A check resumed from saved progress sends no start: it gets its id with its first event.
  let checkId: string | null = null;
  let urgency: Urgency = 'self-care';
  return (event) => {
    if (event.type === 'start' || checkId === null) checkId = newCheckId();
    if (event.type === 'complete' || event.type === 'followup-complete') urgency = event.urgency;
    // Taken now, not when the sharing code has loaded: the language the person had when it happened.
    const state: CheckState = { checkId, locale: locale(), urgency };
    // A chain, so a `complete` waiting for the sharing code is never overtaken by a later event.
    queue = queue
      .then(async () => deliver(toWidgetEvent(event, await share, state)))
      .catch((error: unknown) => console.error('backcheck: could not send an event to the page', error));
  };
}
