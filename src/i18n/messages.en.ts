// Every word the UI itself shows, in English. The clinical words (questions, advice, results) come from the rules
// file instead. Other catalogues are typed against this one, so a missing or extra key is a type error.
import type { Urgency } from '../rules/schema.ts';

export interface PluralWords {
  one: string;
  other: string;
}

export const en = {
  languageName: 'English',
  languageSwitchLabel: 'Language',

  // Intro
  introLead: 'A few short questions, then what to do and when to see someone.',
  // The minutes are worked out from the rules at build time (src/engine/burden.ts), never written by hand.
  introTime: (low: string, high: string) =>
    low === high ? `It usually takes about ${high} minutes.` : `It usually takes ${low} to ${high} minutes.`,
  introFirst: 'Warning signs come first. If one needs help now, we say so at once.',
  introPrivacy: 'Your answers stay on this device.',
  introNotDiagnosis: 'It is not a diagnosis.',
  introEmergency: (number: string) => `Feel very unwell now? Call ${number} instead.`,
  // Where the check could not load, so no number is known.
  loadFailedEmergency: 'If you feel very unwell now, call your local emergency number.',
  loadFailed: 'This self-check could not load. Please try again later.',
  start: 'Start',

  // Resume
  resumeTitle: (when: string) => `Continue your check from ${when}, or start again?`,
  resumeAnswered: { one: 'You have answered # question so far.', other: 'You have answered # questions so far.' },
  resumeContinue: 'Continue where you left off',
  resumeStartAgain: 'Start again',
  discardedOtherRules: 'The questions have changed since you last used this check, so we could not use your saved answers. You can start again.',
  discardedExpired: 'Your saved answers were more than a day old, so we removed them. You can start again.',
  discardedCorrupted: 'We could not read your saved answers, so we removed them. You can start again.',
  cleared: 'Your answers have been cleared from this device.',

  // Question screen
  progress: (step: string, steps: string) => `Step ${step} of ${steps}`,
  changingAnswer: 'Changing your answer',
  back: 'Back',
  continue: 'Continue',
  or: 'or',
  whyWeAsk: 'Why we ask',
  whatWeMean: 'What we mean',
  scaleEnds: (min: string, minLabel: string, max: string, maxLabel: string) =>
    `${min} means ${minLabel}. ${max} means ${maxLabel}.`,
  errorSummaryTitle: 'There is a problem',
  errorChooseOne: 'Choose an answer',
  errorChooseAny: 'Choose at least one answer, or "None of these"',
  errorChooseNumber: (min: string, max: string) => `Choose a number from ${min} to ${max}`,
  errorTickOne: 'Tick at least one, or "None of these"',
  // Continue on a page of several questions with some left: the page moves to the first one left.
  questionsLeft: {
    one: '# question on this page still needs an answer. We moved you to it.',
    other: '# questions on this page still need an answer. We moved you to the first.',
  },
  errorFor: (label: string, message: string) => `${label}: ${message}`,
  tickAll: 'Tick all that apply.',
  anyOfThese: 'Do you have any of these?',
  whichTitle: 'Which of these apply to you?',
  groupNotSureHint: "Not sure? We'll show each one in full, with how to check it, and ask again.",
  whichNone: 'None of these, now I have read what counts',
  unsureTitle: 'Check each one',
  unsureLead: 'Read each one in full and check it if you can, then answer. Still not sure? Say so.',
  howToCheck: 'How to check:',
  confirmTitle: 'Check what you ticked',
  errorPrefix: 'Error:',

  // Review
  reviewTitle: 'Check your answers',
  reviewListName: (first: string, more: number) => `${first}, and ${more} more`,
  reviewLead: 'Make sure these are right before you see your result.',
  reviewAnswered: { one: 'You answered # page of questions.', other: 'You answered # pages of questions.' },
  reviewNoneOfThese: 'None of these',
  reviewNoLabel: 'No:',
  reviewYesTo: (items: string) => `Yes: ${items}`,
  reviewNotSureAbout: (items: string) => `Not sure: ${items}`,
  change: 'Change',
  seeResult: 'See my result',

  // Result
  urgencyLabel: {
    emergency: 'Emergency',
    urgent: 'Urgent',
    consult: 'See a professional soon',
    'self-care': 'Self-care',
  } satisfies Record<Urgency, string>,
  urgencyPrefix: 'Result:',
  redFlagsTitle: 'Why we say this',
  causesTitle: 'What may be adding to your pain',
  causesNote: 'These are common reasons, not a diagnosis.',
  causesNone: 'None of the common causes we check for stood out from your answers.',
  likelihood: { likely: 'More likely', possible: 'Possible', unlikely: 'Less likely' },
  adviceTitle: 'What you can do',
  becauseTitle: 'Because you answered:',
  safetyTitle: 'Signs to watch for',
  clinicTitle: (name: string) => `Your clinic: ${name}`,
  clinicTitleNoName: 'Your clinic',
  clinicBook: 'Book an appointment',
  clinicContact: 'Contact the clinic',
  clinicCall: (phone: string) => `Call ${phone}`,
  callEmergency: (number: string) => `Call ${number} now`,
  emergencyNumberFor: (region: string, number: string) => `Emergency number for ${region}: ${number}.`,
  emergencyNumberUnknown: (number: string) => `Emergency number: ${number}. We could not tell your country.`,
  // Shown as "Change"; its name for screen readers says what changes.
  changeRegion: 'Change',
  changeRegionName: 'Change country',
  regionLabel: 'Your country',
  regionOther: (number: string) => `Another country (${number})`,
  summaryTitle: 'Take this summary with you',
  print: 'Print or save this summary',
  copy: 'Copy as text',
  copied: 'Summary copied. You can paste it into a message or a note.',
  copyFailed: 'Copying did not work on this device. Select the text below and copy it yourself.',
  copyFallbackLabel: 'Your summary as text',
  startAgain: 'Start again',
  clearAnswers: 'Clear my answers',

  // Follow-up (issue #18): kept on the device only
  followUpOffer: (days: string) => `Check again in ${days} days`,
  followUpAccept: 'Keep it on this device',
  followUpOfferNote: 'We keep the date, this result and your pain score on this device only, for 30 days. Nothing is sent.',
  followUpSaved: (date: string) => `Saved on this device. Open this check again from ${date} to see how your back is.`,
  followUpNotSaved: (date: string) => `This browser does not let us keep it. Check again from ${date}.`,
  followUpForget: 'Forget this',
  followUpForgotten: 'Forgotten: nothing about this check is kept on this device.',
  followUpWaiting: (date: string) => `Your follow-up check is saved for ${date}.`,
  followUpTitle: (date: string) => `How is your back since ${date}?`,
  followUpLead: 'We ask about warning signs again, as new ones can appear. Then how your pain is now, and we compare it with last time.',
  followUpStart: 'Start the follow-up',
  followUpNewCheck: 'Start a new check instead',
  followUpResultLabel: 'Your follow-up',
  followUpResultTitle: (date: string) => `Your back since ${date}`,
  // The summary for a professional (print and copy as text).
  summaryHeading: 'Back pain self-check: summary for a professional',
  summaryName: 'Name',
  summaryBirth: 'Date of birth',
  summaryDate: (date: string) => `Date: ${date}`,
  summaryVersion: (title: string, version: string, signedOffOn: string | null) =>
    `Rules: ${title}, version ${version}, ${signedOffOn ? `signed off by a clinician on ${signedOffOn}` : 'not yet signed off by a clinician'}`,
  summaryUrgency: (label: string) => `Outcome: ${label}`,
  summaryRules: (version: string, signedOffOn: string | null) =>
    `Rules ${version}, ${signedOffOn ? `signed off by a clinician on ${signedOffOn}` : 'not signed off by a clinician'}`,
  summarySetBy: 'Set by',
  summaryStopped: 'The check stopped at this sign: the questions after it were not asked.',
  summaryChecklist: 'Warning signs checked',
  summaryNoneOf: (items: string) => `No to: ${items}`,
  summaryYesTo: (items: string) => `Yes to: ${items}`,
  summaryNotSureOf: (items: string) => `Not sure of: ${items}`,
  summaryAdvice: 'Advice given',
  summaryCauses: 'May be adding to the pain',
  summaryCause: (title: string, likelihood: string) => `${title} (${likelihood})`,
} satisfies Record<string, unknown>;

export type Messages = typeof en;
